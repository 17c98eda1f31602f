/**
 * Unicode clean-up shared by questions and passages, so that text copied from the web, typed on a phone
 * or pasted from a PDF meets the fact sheets' plain spelling.
 */

/**
 * Characters that are invisible and never part of a word: soft hyphen, zero-width space/non-joiner/joiner,
 * word joiner, byte-order mark, and the bidirectional marks, embeddings, overrides and isolates.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u061C]/g;

/**
 * Every hyphen and dash that is not the ASCII hyphen-minus, after NFKC (which already turns the small and
 * full-width hyphen-minus U+FE63 and U+FF0D into "-"): hyphen, non-breaking hyphen, figure dash, en dash,
 * em dash, horizontal bar, minus sign, small em dash.
 */
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58';
/** A dash between two letters or digits, with no space: it joins them like "-" ("F‑35", "Japan–U.S."). */
const JOINING_DASH = new RegExp(`(?<=[\\p{L}\\p{N}])[${DASHES}](?=[\\p{L}\\p{N}])`, 'gu');
/** Any other dash separates words or clauses ("Trump – Abe", "2017—"). */
const SEPARATING_DASH = new RegExp(`[${DASHES}]`, 'gu');

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** Combining marks that follow a Latin letter (after NFD): the diacritics of "ō", "é", "ñ". */
const LATIN_DIACRITICS = /(?<=\p{Script=Latin})\p{M}+/gu;

/** Printable ASCII plus tab and newlines: text with nothing else needs none of this work. */
const PLAIN_ASCII = /^[\t\n\r -~]*$/;

/**
 * Normalises how a text is encoded without changing what it says:
 *
 * - NFKC (full-width letters, ligatures, superscripts and compatibility forms become plain ones);
 * - invisible characters are removed: soft hyphen, zero-width characters (U+200B–U+200D, U+2060, U+FEFF)
 *   and bidirectional controls;
 * - every hyphen and dash variant (U+2010–U+2015, U+2212, U+FE58, U+FE63, U+FF0D) becomes "-" between two
 *   letters or digits ("F‑35" → "F-35") and a space elsewhere ("Trump — Abe" → "Trump   Abe"); this is the
 *   tokenizer's rule, so a question and a passage split the same way;
 * - curly single and double quotes, primes and backticks become straight `'` and `"`.
 *
 * Diacritics are kept (see {@link foldLatinDiacritics}); whitespace is not collapsed.
 */
/**
 * Terminal escape sequences pasted with a question ("\x1b[31mreiwa\x1b[0m" from a coloured terminal):
 * ECMA-48 control sequences (ESC [ parameters final-byte) and two-character escapes.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;

/** The text without terminal escape sequences, so that "\x1b[31mreiwa\x1b[0m" reads "reiwa". */
export function stripTerminalEscapes(text: string): string {
  return text.replace(TERMINAL_ESCAPE, '');
}

export function normaliseUnicode(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return stripTerminalEscapes(text)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(JOINING_DASH, '-')
    .replace(SEPARATING_DASH, ' ')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"');
}

/**
 * Removes diacritics from Latin letters, for matching only ("Shinzō" → "Shinzo", "Pokémon" → "Pokemon").
 * Marks on other scripts are meaning, not decoration, and stay: Japanese "が" (か + dakuten) is still "が",
 * and the result is NFC so it stays one character. Never use the result for display.
 */
export function foldLatinDiacritics(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(LATIN_DIACRITICS, '').normalize('NFC');
}
