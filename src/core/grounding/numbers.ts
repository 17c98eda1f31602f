/**
 * Numbers as facts: every way the sheets and models write a quantity, reduced to one canonical key so
 * that "850,000" = "850000" = "850k", "$1.6 billion" = "1.6bn", "four" = "4", "third" = "3rd". The
 * spelling is first made the sheets' own by the shared canonicaliser (src/core/text/canonical-numbers.ts),
 * so questions, passages and model replies read numbers the same way.
 */
import { canonicaliseNumbers, SMALL_NUMBER_WORDS } from '../text/canonical-numbers.js';
import { SCALES } from '../text/number-words.js';

/** Scale words after a numeral once the text is canonical ("1.6 billion"), plus "hundred". */
const UNITS: Readonly<Record<string, number>> = { hundred: 1e2, ...SCALES };

/** "zero" … "nine": the canonical spelling keeps whole numbers below ten in words, as the sheets do. */
const WORD_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(
  SMALL_NUMBER_WORDS.map((word, value) => [word, value]),
);

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

const UNIT_WORDS = Object.keys(UNITS).join('|');
const NUMBER_WORDS = Object.keys(WORD_NUMBERS).join('|');

// A numeral: not part of a code such as "F-35" or "B-1" (one or two letters and a hyphen before it),
// with thousands separators or a decimal point, an optional scale ("1.6 billion", "850k", "1.6bn").
const NUMERAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<!\b\p{L}{1,2}-)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(${UNIT_WORDS})\b)?(?:st|nd|rd|th)?(?![\p{L}\p{N}]|[.,]\d)`,
  'giu',
);
// A small number word ("four"), optionally scaled ("four billion" is canonical for 4e9).
const NUMBER_WORD = new RegExp(String.raw`\b(${NUMBER_WORDS})(?:\s+(${UNIT_WORDS}))?\b`, 'giu');
// "billions of dollars", "thousands of jobs": an order of magnitude without a figure.
const MAGNITUDE_WORD = /\b(hundreds|thousands|millions|billions|trillions|dozens)\b/giu;
const MAGNITUDES: Readonly<Record<string, number>> = {
  dozens: 12,
  hundreds: 1e2,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  trillions: 1e12,
};
const ORDINAL_WORD = new RegExp(String.raw`\b(${Object.keys(ORDINALS).join('|')})\b`, 'giu');
const NUMERAL_ORDINAL = /(?<![\p{L}\p{N}])(\d+)(?:st|nd|rd|th)\b/giu;

/**
 * Figures of speech that contain a number word but state no quantity the sheets must contain:
 * "one of the world's largest", "the two countries", "no one".
 */
const NOT_A_QUANTITY =
  /\bone\s+(?:of|another)\b|\bno\s+one\b|\b(?:the|our|both|these|those)\s+two\s+(?:countries|nations|leaders|sides|governments|allies|partners|democracies|economies|men)\b/giu;

/**
 * The canonical number keys of a text: `"n:850000"` for quantities (numerals, scaled amounts, number words),
 * `"ord:3"` for ordinals ("third", "3rd") and `"mag:1000000000"` for orders of magnitude ("billions"). Codes ("F-35", "B-1") and figures of speech ("one of",
 * "the two countries") are not quantities. Currency and percent signs are ignored: "$424 billion" and
 * "424 billion dollars" are the same fact.
 */
export function numberKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const cleaned = canonicaliseNumbers(text).replace(NOT_A_QUANTITY, ' ');

  for (const match of cleaned.matchAll(NUMERAL)) {
    const whole = match[0];
    const integer = Number((match[1] ?? '').replaceAll(',', ''));
    const fraction = match[2] === undefined ? 0 : Number(`0.${match[2]}`);
    if (/(?:st|nd|rd|th)$/i.test(whole) && match[3] === undefined) continue; // an ordinal, below
    const scale = match[3] === undefined ? 1 : (UNITS[match[3].toLowerCase()] ?? 1);
    keys.add(quantityKey((integer + fraction) * scale));
  }
  for (const match of cleaned.matchAll(NUMBER_WORD)) {
    const base = WORD_NUMBERS[(match[1] ?? '').toLowerCase()] ?? 0;
    const scale = match[2] === undefined ? 1 : (UNITS[match[2].toLowerCase()] ?? 1);
    keys.add(quantityKey(base * scale));
  }
  for (const match of cleaned.matchAll(ORDINAL_WORD)) {
    keys.add(`ord:${ORDINALS[(match[1] ?? '').toLowerCase()]}`);
  }
  for (const match of cleaned.matchAll(NUMERAL_ORDINAL)) keys.add(`ord:${Number(match[1])}`);
  for (const match of cleaned.matchAll(MAGNITUDE_WORD)) {
    keys.add(`mag:${MAGNITUDES[(match[1] ?? '').toLowerCase()]}`);
  }
  return keys;
}

/** `n:<value>` with the float noise of scaling removed (1.6 × 1e9 → 1600000000). */
function quantityKey(value: number): string {
  return `n:${Number(value.toPrecision(12))}`;
}

/** A key as a person reads it, for reasons in logs: "n:1600000000" → "1600000000", "ord:3" → "3rd". */
export function describeNumberKey(key: string): string {
  const [kind, value] = key.split(':');
  if (kind === 'ord') return `${value} (ordinal)`;
  if (kind === 'mag') return `${value} (order of magnitude)`;
  return value ?? key;
}

/** True for a number word or scale ("four", "third", "billion", "bn"): the number check judges those. */
export function isNumberWord(token: string): boolean {
  return token in UNITS || token in WORD_NUMBERS || token in ORDINALS || token in MAGNITUDES;
}
