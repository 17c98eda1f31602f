import { detectLanguage, isUnsupported } from '../language/detect-language.js';
import type { Glossary } from '../language/glossary.js';
import type { ReplyLanguage } from '../language/messages.js';
import { translateJapaneseQuestion, type TranslatedQuestion } from '../language/translate-question.js';
import type { AliasTable } from '../question/alias-table.js';
import { normaliseQuestion } from '../question/normalise-question.js';

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
    }
  | { readonly kind: 'unsupported-language'; readonly display: string; readonly languageName: string }
  | { readonly kind: 'empty'; readonly display: string; readonly language: ReplyLanguage };

export interface NormaliseContext {
  readonly aliases: AliasTable;
  readonly glossary: Glossary;
  /** The language the person prefers (Discord locale, `--lang`), used when the text does not say. */
  readonly preferredLanguage?: ReplyLanguage;
}

/** "’16" and "'19" in a question are years: the sheets write them in full. */
const SHORT_YEAR = /(^|[\s(])['’‘](\d\d)\b/g;

/**
 * Stage 1 of answering: Discord markup, Unicode, numbers and aliases made plain (see
 * {@link normaliseQuestion}); the language detected; a Japanese question read into English terms through
 * the glossary, so the same pipeline answers it from the same English sheets.
 */
export function normalise(validated: string, context: NormaliseContext): NormalisedInput {
  const { display, search } = normaliseQuestion(validated.replace(SHORT_YEAR, expandShortYear), {
    aliases: context.aliases,
  });
  const fallback = context.preferredLanguage ?? 'en';
  if (search.trim() === '') return { kind: 'empty', display, language: fallback };
  const detected = detectLanguage(display);
  if (isUnsupported(detected)) {
    return { kind: 'unsupported-language', display, languageName: detected.unsupported };
  }
  if (detected !== 'ja') return { kind: 'question', display, search, language: fallback };
  const translated = translateJapaneseQuestion(display, context.glossary);
  const english = normaliseQuestion(translated.englishQuery, { aliases: context.aliases }).search;
  return { kind: 'question', display, search: english, language: 'ja', translated };
}

function expandShortYear(_match: string, before: string, digits: string): string {
  // Two-digit years up to the present read as this century; later ones as the last ("'98").
  const century = Number(digits) <= new Date().getFullYear() % 100 ? '20' : '19';
  return `${before}${century}${digits}`;
}
