import type { ConversationTurn, KnowledgeDocument } from '../types.js';

/** Words that lean on an earlier turn: "it", "that", "what about…", "and…". */
const LEANS_ON_CONTEXT =
  /^(and|but|also|so|then|what about|how about|and what|what else|why|how come|more)\b|\b(it|its|that|this|those|these|they|them|their|he|she|his|her|there|the same|the other)\b/i;

/**
 * Rewrites a follow-up into a question that stands alone, without a model: when the question leans on
 * context, the previous question asked by the person is appended, so retrieval sees both topics.
 * (With a language model configured, the service uses it to condense instead.)
 */
export function standaloneQuestion(question: string, history: readonly ConversationTurn[] = []): string {
  const previous = [...history]
    .reverse()
    .find((turn) => turn.role === 'user' && turn.text.trim() !== question);
  if (previous === undefined) return question;
  const words = question.split(/\s+/).filter((word) => word.length > 0);
  if (!LEANS_ON_CONTEXT.test(question) && words.length > 6) return question;
  return `${question} ${previous.text.trim()}`;
}

/**
 * The documents a question points at by date, e.g. "the 2019 sheet", "the fact sheet from 2018",
 * "in the 2019 one". Undefined when it points at none (or at every one).
 */
export function targetDocuments(
  question: string,
  documents: readonly KnowledgeDocument[],
): string[] | undefined {
  const pattern =
    /\b((?:19|20)\d\d)\s+(?:white house\s+)?(?:fact[\s-]*sheets?|sheets?|one|documents?|versions?|release)\b|\b(?:fact[\s-]*sheets?|sheets?|documents?|one)\s+(?:from|of|dated|in)\s+((?:19|20)\d\d)\b/gi;
  const years = new Set<string>();
  for (const match of question.matchAll(pattern)) {
    const year = match[1] ?? match[2];
    if (year !== undefined) years.add(year);
  }
  if (years.size === 0) return undefined;
  const ids = documents
    .filter((document) => years.has(document.date.slice(0, 4)))
    .map((document) => document.id);
  return ids.length === 0 || ids.length === documents.length ? undefined : ids;
}
