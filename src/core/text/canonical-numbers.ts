import { NUMBER_WORD, NUMBER_WORD_RUN, readNumberWords, SCALES } from './number-words.js';

/**
 * Rewrites every way of writing a quantity into one spelling, the fact sheets' own (AP style): whole
 * numbers below ten in words ("four"), from ten to a million in digits ("30", "4,000", "850,000"), a
 * million and more as a short number and a scale word ("$1.6 billion", "$424 billion").
 *
 * | written | canonical |
 * | --- | --- |
 * | `850k`, `850K`, `850 thousand`, `eight hundred fifty thousand` | `850,000` |
 * | `$1.6bn`, `1.6B`, `1.6 bil`, `1.6bln`, `$1,600,000,000`, `1600 million` | `$1.6 billion`, `1.6 billion`, … |
 * | `4k`, `four thousand` | `4,000` |
 * | `thirty`, `twenty-five`, `4` | `30`, `25`, `four` |
 * | `30ish`, `850k-ish` | `about 30`, `about 850,000` |
 * | `three dozen`, `a dozen`, `a couple thousand` | `36`, `12`, `about 2,000` |
 * | `3rd`, `1st` | `third`, `first` |
 *
 * Left alone: numbers already in that form, years and other digits below a million ("2017", "850,000"),
 * model codes ("F-35", "B-1", "F-35B"), ids too long to be a quantity (more than 15 digits), and scale
 * words with no number before them ("billions of dollars", "hundreds"). "m" counts as million only
 * after a currency sign ("$2m", but not "100m").
 *
 * The tokenizer runs this on every text, passages and questions alike, so "four rounds" in a sheet and
 * "4 rounds" in a question give the same token; the question normaliser runs it too, so that the words
 * of its search text ("850,000") are already whole numbers when they are tokenized one by one.
 */
export function canonicaliseNumbers(text: string): string {
  // Cheap tests first: most passages hold no number at all, and this runs on every text tokenized.
  let canonical = text;
  if (HAS_NUMBER_WORD.test(canonical)) {
    // "a million", "a thousand jobs": the article counts one ("near a million?" is 1,000,000).
    canonical = canonical
      // "half a million", "a quarter of a billion": a share of one of a scale.
      .replace(
        SHARE_OF_ONE,
        (_match: string, share: string, scale: string) =>
          // A share of one is a round figure, given as an estimate.
          `about ${/half/i.test(share) ? '0.5' : '0.25'} ${scale}`,
      )
      .replace(COUPLE_OF, (_match: string, scale: string) => `about two ${scale}`)
      .replace(ONE_BY_ARTICLE, (_match: string, scale: string) =>
        scale.toLowerCase() === 'dozen' ? '12' : `1 ${scale}`,
      )
      .replace(NUMBER_WORD_RUN, spellNumberWords);
  }
  if (HAS_DIGIT.test(canonical)) {
    canonical = canonical
      // "30ish": an estimate of 30.
      .replace(ISH_NUMBER, (_match: string, digits: string) => `about ${digits}`)
      .replace(DIGIT_ORDINAL, (ordinal: string, digits: string) => ORDINAL_WORDS[Number(digits)] ?? ordinal)
      .replace(DIGIT_NUMBER, spellDigitNumber);
  }
  return canonical;
}

const HAS_DIGIT = /\d/;
/** "30ish", "850k-ish": a number given as an estimate. */
const ISH_NUMBER = /(?<![\p{L}\p{N}.,-])(\d[\d,.]*[kKmMbB]?)-?ish(?![\p{L}\p{N}])/gu;
/** "half a million", "a quarter of a billion". */
const SHARE_OF_ONE =
  /(?<![\p{L}\p{N}])(half|an?\s+quarter)\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)(?![\p{L}\p{N}])/giu;
/** "a couple (of) thousand", "a couple hundred": about two of the scale. */
const COUPLE_OF =
  /(?<![\p{L}\p{N}])an?\s+couple\s+(?:of\s+)?(dozen|hundred|thousand|million|billion)(?![\p{L}\p{N}])/giu;
/** "a million", "a thousand": one of a scale. Not before "of" or "and" ("a million of them" is a figure of speech). */
const ONE_BY_ARTICLE =
  /(?<![\p{L}\p{N}])an?\s+(dozen|thousand|million|billion|trillion)(?![\p{L}\p{N}])(?!\s+(?:of|and)\b)/giu;
/** A whole number word somewhere in the text (ASCII word boundaries suffice for a pre-test). */
const HAS_NUMBER_WORD = new RegExp(`\\b${NUMBER_WORD}\\b`, 'i');

/** "" then "first" … "tenth": ordinal words by value. */
export const ORDINAL_WORDS: readonly string[] = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
/** "1st" … "10th": the sheets write ordinals in words ("third largest", "first world leader"). */
const DIGIT_ORDINAL = /(?<![\p{L}\p{N}.,-])(10|[1-9])(?:st|nd|rd|th)(?![\p{L}\p{N}])/giu;

/**
 * A number in digits, optionally with a currency sign, a scale word or a scale suffix. Not preceded by a
 * letter, digit, dot, comma or hyphen, which keeps model codes ("F-35B", "B-1B") and version-like strings
 * out; not followed by more of a word.
 * Groups: 1 currency sign, 2 integer part, 3 fraction, 4 scale word, 5 scale suffix.
 */
const DIGIT_NUMBER =
  /(?<![\p{L}\p{N}.,-])([$€£¥]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[ \t]*(thousand|million|billion|trillion|bil|bln|mil|mln|trn)\.?(?![\p{L}\p{N}])|(k|bn|b|mn|m|tn|bil|bln|mil|mln)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}]|[.,]\d)/giu;

const SUFFIX_SCALES: Readonly<Record<string, number>> = {
  k: 1e3,
  bil: 1e9,
  bln: 1e9,
  mil: 1e6,
  mln: 1e6,
  trn: 1e12,
  b: 1e9,
  bn: 1e9,
  m: 1e6,
  mn: 1e6,
  tn: 1e12,
};

/** Beyond this many digits a number is an id (a Discord snowflake has 17–20), and floats lose digits. */
const MAX_QUANTITY_DIGITS = 15;

function spellNumberWords(run: string): string {
  return readNumberWords(run)
    .map((piece) => (piece.kind === 'number' ? formatQuantity(piece.value) : piece.text))
    .join(' ');
}

function spellDigitNumber(
  match: string,
  currency: string,
  integer: string,
  fraction: string | undefined,
  scaleWord: string | undefined,
  suffix: string | undefined,
): string {
  const digits = integer.replaceAll(',', '');
  if (digits.length > MAX_QUANTITY_DIGITS) return match;
  const lowerSuffix = suffix?.toLowerCase();
  // "100m" is as likely metres as millions; "$100m" is money.
  if (lowerSuffix === 'm' && currency === '') return match;
  const scale =
    scaleWord !== undefined
      ? (SCALES[scaleWord.toLowerCase()] ?? SUFFIX_SCALES[scaleWord.toLowerCase()] ?? 1)
      : lowerSuffix !== undefined
        ? (SUFFIX_SCALES[lowerSuffix] ?? 1)
        : 1;
  const value = Number(`${digits}${fraction ?? ''}`) * scale;
  if (scale === 1 && value < 1e6) {
    // "4 rounds" is "four rounds"; money ("$4") and decimals ("1.6") keep their digits.
    if (currency === '' && fraction === undefined && /^\d$/.test(digits)) return formatQuantity(value);
    // Other plain digits below a million (years, "850,000") are already canonical: keep them as typed.
    return match;
  }
  return `${currency}${formatQuantity(value)}`;
}

/**
 * Formats a value in the canonical spelling: "four", "30", "850,000", "1.6 billion". Whole numbers below
 * ten are words, as in the sheets ("four rounds", "two leaders"), which also keeps them words that the
 * word-vector table knows.
 */
export function formatQuantity(value: number): string {
  const small = Number.isInteger(value) ? SMALL_NUMBER_WORDS[value] : undefined;
  if (small !== undefined) return small;
  for (const [word, scale] of LARGE_SCALES) {
    if (value >= scale) return `${trimFloat(value / scale)} ${word}`;
  }
  const [whole = '0', fraction] = trimFloat(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Zero to nine in words; the sheets' style (and AP style) for whole numbers below ten. */
export const SMALL_NUMBER_WORDS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];

const LARGE_SCALES: ReadonlyArray<readonly [string, number]> = [
  ['trillion', 1e12],
  ['billion', 1e9],
  ['million', 1e6],
];

/** A float as short decimal digits: 1.6 rather than 1.6000000000000001 (12 significant digits suffice). */
function trimFloat(value: number): string {
  return String(Number(value.toPrecision(12)));
}
