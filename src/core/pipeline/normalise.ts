import { detectLanguage, isUnsupported } from '../language/detect-language.js';
import type { Glossary } from '../language/glossary.js';
import type { ReplyLanguage } from '../language/messages.js';
import {
  readJapaneseWords,
  translateJapaneseQuestion,
  type TranslatedQuestion,
} from '../language/translate-question.js';
import type { AliasTable } from '../question/alias-table.js';
import type { AliasUse } from '../question/apply-aliases.js';
import { normaliseQuestion } from '../question/normalise-question.js';
import type { ConversationTurn } from '../types.js';

/** A question ready for the English pipeline, or why it cannot be read. */
export type NormalisedInput =
  | {
      readonly kind: 'question';
      /** What the person meant (markup gone, Unicode plain): shown back to them. */
      readonly display: string;
      /** English text the later stages read: aliases and numbers in the sheets' terms, or the translation. */
      readonly search: string;
      /** The language to reply in. */
      readonly language: ReplyLanguage;
      /** The Japanese question as understood, when it was Japanese. */
      readonly translated?: TranslatedQuestion;
      /**
       * The aliases, idioms and chat spellings rewritten in an English question ("price tag" → "cost"):
       * a refusal names what the person typed, not the word it was read as.
       */
      readonly rewritten?: readonly AliasUse[];
    }
  | { readonly kind: 'unsupported-language'; readonly display: string; readonly languageName: string }
  | { readonly kind: 'empty'; readonly display: string; readonly language: ReplyLanguage };

export interface NormaliseContext {
  readonly aliases: AliasTable;
  readonly glossary: Glossary;
  /** The language the person prefers (Discord locale, `--lang`), used when the text does not say. */
  readonly preferredLanguage?: ReplyLanguage;
}

/** "’16", "'19" and "late-'17" in a question are years: the sheets write them in full. */
const SHORT_YEAR = /(^|[\s(/-])['’‘](\d\d)\b/g;

/**
 * Stage 1 of answering: Discord markup, Unicode, numbers and aliases made plain (see
 * {@link normaliseQuestion}); the language detected; a Japanese question read into English terms through
 * the glossary, so the same pipeline answers it from the same English sheets.
 */
export function normalise(validated: string, context: NormaliseContext): NormalisedInput {
  const { display, search, aliases } = normaliseQuestion(validated.replace(SHORT_YEAR, expandShortYear), {
    aliases: context.aliases,
  });
  const fallback = context.preferredLanguage ?? 'en';
  if (search.trim() === '') return { kind: 'empty', display, language: fallback };
  const detected = detectLanguage(display);
  if (isUnsupported(detected)) {
    return { kind: 'unsupported-language', display, languageName: detected.unsupported };
  }
  if (detected !== 'ja') {
    // Japanese words in an English question ("what does reiwa mean? 令和") are read as the sheets' English
    // too, so 令和 is Reiwa there as it is in a Japanese question.
    const english = readJapaneseWords(
      search,
      context.glossary,
      (words) => normaliseQuestion(words, { aliases: context.aliases }).search,
    );
    const mixed = english === search ? search : english.replace(/\s+/g, ' ').trim();
    return {
      kind: 'question',
      display,
      search: mixed,
      language: fallback,
      ...(aliases.length === 0 ? {} : { rewritten: aliases }),
    };
  }
  const translated = translateJapaneseQuestion(display, context.glossary);
  // Words the glossary does not know stay in, as typed: the judge weighs them like any word the sheets
  // never use, so "明日の東京の天気は？" is not answered from a passage about Tokyo.
  const english = [
    normaliseQuestion(translated.englishQuery, { aliases: context.aliases }).search,
    ...sheetPointers(display),
    ...(translated.asks === 'overview' || JAPANESE_OVERVIEW.test(display) ? ['summary'] : []),
    ...translated.unknownTerms,
  ].join(' ');
  return { kind: 'question', display, search: english, language: 'ja', translated };
}

/**
 * The person's earlier questions read as their new one is (markup, Unicode, numbers, aliases, Japanese
 * into English), so a follow-up leaning on "the F‑35" typed with a non-breaking hyphen finds F-35, not a
 * stray "35". The bot's own turns are left as they were said.
 */
export function normaliseHistory(
  history: readonly ConversationTurn[],
  context: NormaliseContext,
): ConversationTurn[] {
  return history.map((turn) => {
    if (turn.role !== 'user') return turn;
    const input = normalise(turn.text, context);
    return input.kind === 'question' ? { ...turn, text: input.search } : turn;
  });
}

/** Japanese ways of asking for the gist: ざっくり, 要約, まとめ, 概要, 要点, 何が書いて(ある)… */
const JAPANESE_OVERVIEW = /ざっくり|要約|まとめ|概要|要点|何が書いて|どんな内容|主な内容|ポイントは/u;

/** "2018年の資料", "2019年のファクトシート": the sheet of that year, as the English pipeline reads it. */
const JAPANESE_SHEET_OF_YEAR =
  /((?:19|20)\d\d)年[^。？?！!、,]{0,24}?(?:ファクトシート|資料|シート|文書|発表)/gu;

function sheetPointers(question: string): string[] {
  return [...question.normalize('NFKC').matchAll(JAPANESE_SHEET_OF_YEAR)].map(
    (match) => `the ${match[1]} sheet`,
  );
}

function expandShortYear(_match: string, before: string, digits: string): string {
  // Two-digit years up to the present read as this century; later ones as the last ("'98").
  const century = Number(digits) <= new Date().getFullYear() % 100 ? '20' : '19';
  // "late-'17" → "late 2017": a year joined to a word by a hyphen is still a year of its own.
  return `${before === '-' || before === '/' ? ' ' : before}${century}${digits}`;
}
