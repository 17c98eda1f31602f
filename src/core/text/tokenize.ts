/**
 * Splits text into lowercase word and number tokens, the same way for passages and questions, so that
 * "F-35"/"F35"/"F‑35"/"F-35s", "U.S."/"USA", "850,000"/"850000"/"850k", "four"/"4", "Shinzō"/"Shinzo"
 * and curly/straight apostrophes all meet.
 */
import { canonicaliseNumbers } from './canonical-numbers.js';
import { foldLatinDiacritics, normaliseUnicode } from './unicode.js';

/**
 * A raw token: an initialism with dots ("u.s.a."), a number with thousands separators or a decimal
 * point ("850,000", "1.6"), or a run of letters/digits joined by hyphens, apostrophes or ampersands.
 */
const RAW_TOKEN =
  /(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['&-](?:(?:\p{L}\.){2,}|[\p{L}\p{N}]+))*/gu;
/** {@link RAW_TOKEN} for pure-ASCII text: the same tokens, several times faster than Unicode classes. */
const RAW_ASCII_TOKEN =
  /(?:[A-Za-z]\.){2,}|[0-9]+(?:[.,][0-9]+)*|[A-Za-z0-9]+(?:['&-](?:(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+))*/g;
const NON_ASCII = /[^\t\n\r -~]/;
const PLAIN_ASCII_WORD = /^(?:[A-Za-z]+|[0-9]+)$/;

const THOUSANDS_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const LETTERS_THEN_DIGITS = /^\p{L}{1,4}-?\p{N}+$|^\p{N}+-?\p{L}{1,3}$/u;
/** A model code in the plural: "F-35s", "B-52s" are still the F-35 and the B-52. */
const PLURAL_CODE = /^(\p{L}{1,4}-?\p{N}+)s$/u;
const UNITED_STATES_FORMS = new Set(['u.s.', 'u.s.a.', 'usa']);

/** Canonical token for "U.S.", "U.S.A.", "USA" and an upper-case "US" (lower-case "us" is the pronoun). */
export const UNITED_STATES_TOKEN = 'usa';

/**
 * Tokenises text for retrieval.
 *
 * - Unicode as {@link normaliseUnicode} (NFKC, invisible characters removed, a dash between two letters
 *   or digits joins them like "-", any other dash separates, curly quotes straight), Latin diacritics
 *   folded ("Shinzō" → "shinzo"), lowercase.
 * - Numbers as {@link canonicaliseNumbers} ("850k", "850 thousand", "eight hundred fifty thousand" →
 *   "850000"; "$1.6bn", "$1,600,000,000" → "1.6", "billion"; "four" → "4"), then "850,000" → "850000",
 *   "$1.6" → "1.6", "2017" → "2017"; other commas separate.
 * - Model-style codes keep letters and digits together: "F-35", "F35", "F-35s" → "f35"; "B-1" → "b1".
 * - Other hyphenated compounds split into their words: "Indo-Pacific" → "indo", "pacific".
 * - Possessives drop: "Japan's" → "japan"; other apostrophes vanish ("don't" → "dont").
 * - "R&D" → "rd" (single letters joined by "&"); otherwise "&" separates.
 * - "U.S.", "U.S.A.", "USA" and an upper-case "US" → {@link UNITED_STATES_TOKEN}.
 */
export function tokenize(text: string): string[] {
  // Most text is plain ASCII, which needs no Unicode normalisation (this is the embedders' hot path).
  const ascii = !NON_ASCII.test(text);
  const normalised = canonicaliseNumbers(ascii ? text : foldLatinDiacritics(normaliseUnicode(text)));
  // Only an upper-case "US" is the country; in an all-capitals text it could be the pronoun, so leave it.
  const upperCaseUsIsCountry = /\p{Ll}/u.test(normalised);
  const tokens: string[] = [];
  const pattern = ascii ? RAW_ASCII_TOKEN : RAW_TOKEN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(normalised); match !== null; match = pattern.exec(normalised)) {
    const raw = match[0];
    if (raw === 'US' && upperCaseUsIsCountry) {
      tokens.push(UNITED_STATES_TOKEN);
    } else if (PLAIN_ASCII_WORD.test(raw)) {
      tokens.push(raw.toLowerCase());
    } else {
      pushNormalisedTokens(raw.toLowerCase(), tokens);
    }
  }
  return tokens;
}

function pushNormalisedTokens(raw: string, out: string[]): void {
  if (UNITED_STATES_FORMS.has(raw)) {
    out.push(UNITED_STATES_TOKEN);
    return;
  }
  const first = raw.charCodeAt(0);
  if (first >= 48 && first <= 57 && /^[\d.,]+$/.test(raw)) {
    pushNumber(raw, out);
    return;
  }
  if (LETTERS_THEN_DIGITS.test(raw)) {
    out.push(raw.replace('-', ''));
    return;
  }
  const pluralCode = PLURAL_CODE.exec(raw);
  if (pluralCode !== null) {
    out.push((pluralCode[1] ?? raw).replace('-', ''));
    return;
  }
  if (raw.includes('-')) {
    for (const hyphenPart of raw.split('-')) {
      if (hyphenPart.length > 0) pushNormalisedTokens(hyphenPart, out);
    }
    return;
  }
  if (raw.includes('.')) {
    // An initialism that is not the United States ("e.g.", "d.c."): letters only.
    out.push(raw.replaceAll('.', ''));
    return;
  }
  pushWordWithoutHyphens(raw, out);
}

function pushNumber(raw: string, out: string[]): void {
  if (THOUSANDS_GROUPED.test(raw)) {
    out.push(raw.replaceAll(',', ''));
    return;
  }
  for (const part of raw.split(',')) {
    if (part.length > 0) out.push(part.replace(/\.$/, ''));
  }
}

function pushWordWithoutHyphens(part: string, out: string[]): void {
  if (part.length === 0) return;
  if (part.includes('&')) {
    const pieces = part.split('&').filter((piece) => piece.length > 0);
    if (pieces.length > 1 && pieces.every((piece) => piece.length === 1)) {
      out.push(pieces.join(''));
    } else {
      for (const piece of pieces) pushWordWithoutHyphens(piece, out);
    }
    return;
  }
  if (part.includes("'")) {
    const withoutPossessive = part.endsWith("'s") ? part.slice(0, -2) : part;
    const word = withoutPossessive.replaceAll("'", '');
    if (word.length > 0) out.push(word);
    return;
  }
  out.push(part);
}
