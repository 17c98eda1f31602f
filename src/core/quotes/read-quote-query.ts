import type { Glossary } from '../language/glossary.js';
import { translateJapaneseQuestion } from '../language/translate-question.js';
import type { QuoteQuery } from '../types.js';
import { applyAliases } from '../question/apply-aliases.js';
import type { AliasTable } from '../question/alias-table.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * A quote query as the English catalogue searches it: a speaker or topic written (partly) in Japanese is
 * read into the sheets' English through the glossary, as a Japanese question is ("安倍" → "Abe",
 * "トランプ大統領" → "President Trump", "拉致" → "abducted"). Latin words are kept as typed; Japanese words
 * the glossary does not know stay as typed too, so they match nothing rather than being dropped (a speaker
 * nobody knows must not widen to every speaker). English queries are read through the English aliases,
 * when given ("potus" → "President Trump", "PM" → "Prime Minister"), and are otherwise unchanged.
 */
export function readQuoteQuery(query: QuoteQuery, glossary: Glossary, aliases?: AliasTable): QuoteQuery {
  const read = (text: string | undefined): string | undefined => {
    if (text === undefined) return text;
    if (JAPANESE.test(text)) return asEnglish(text, glossary);
    // "potus", "PM", "the 45th president": the English aliases name the speaker as the sheets do.
    return aliases === undefined ? text : applyAliases(text, aliases, { name: true });
  };
  const speaker = read(query.speaker);
  const topic = read(query.topic);
  return {
    ...query,
    ...(speaker === undefined ? {} : { speaker }),
    ...(topic === undefined ? {} : { topic }),
  };
}

function asEnglish(text: string, glossary: Glossary): string {
  const translated = translateJapaneseQuestion(text, glossary);
  const words = [...translated.terms.map((term) => term.en), ...translated.unknownTerms].join(' ');
  // Only question wording (何, について) was typed: keep it, so it matches no one instead of everyone.
  return words.trim() === '' ? text : words;
}
