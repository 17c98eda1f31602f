import { defaultWordVectorTable } from '../embeddings/word-vector-table.js';
import { indexNames, unsupportedNames } from '../grounding/names.js';
import { describeNumberKey, numberKeys } from '../grounding/numbers.js';
import type { ConversationTurn } from '../types.js';

/** Capitalised words rarer than this rank that open the rewrite are still names ("Toyota…?"). */
const NAME_RANK = 20_000;

/**
 * The names and numbers a model's rewrite of a follow-up adds that neither the follow-up nor the
 * conversation contains ("and the other one?" → "What did Abe say about China in 2020?"): a rewrite may
 * resolve "it" and "they", never bring in a new subject. Empty when the rewrite is faithful.
 * Uses the grounding check's name and number rules ("850k" = "850,000", "U.S." = "United States").
 */
export function introducedTerms(
  rewrite: string,
  question: string,
  history: readonly ConversationTurn[],
): string[] {
  const sources = [question, ...history.map((turn) => turn.text)];
  const table = defaultWordVectorTable();
  const names = unsupportedNames(rewrite, indexNames(sources), {
    isKnownName: (token) => (table.rank(token) ?? Number.POSITIVE_INFINITY) > NAME_RANK,
  });
  const known = new Set(sources.flatMap((text) => [...numberKeys(text)]));
  const numbers = [...numberKeys(rewrite)].filter((key) => !known.has(key)).map(describeNumberKey);
  return [...names, ...numbers];
}
