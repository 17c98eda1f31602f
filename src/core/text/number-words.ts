/**
 * English numbers written in words ("eight hundred fifty thousand", "twenty-five", "thirty") read as
 * values. Measured against the npm converters before writing it: `words-to-numbers` 1.5.1 reads "eight
 * hundred fifty thousand" as 50800 and "850 thousand" as "850 1000"; `compromise` 14 with its numbers
 * plugin is right but takes about 1.6 ms per question (more than the whole answer) and does not read
 * "850k" or "$1.6bn" either. This is the small, exact subset Kizuna needs.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** The value of one number word below a hundred ("sixteen" → 16, "ninety" → 90), lower case; else undefined. */
export function numberWordValue(word: string): number | undefined {
  return UNITS[word] ?? TENS[word];
}

/** Words that multiply what precedes them. */
export const SCALES: Readonly<Record<string, number>> = {
  // "three dozen times": a scale of twelve.
  dozen: 12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Every word a number in words is made of, longest first so that "seventeen" is not read as "seven". */
const NUMBER_WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', ...Object.keys(SCALES)].sort(
  (a, b) => b.length - a.length,
);
/** A regular-expression source matching one number word (no flags, no boundaries). */
export const NUMBER_WORD = `(?:${NUMBER_WORDS.join('|')})`;

/**
 * A run of number words joined by spaces, hyphens or "and" ("eight hundred and fifty thousand",
 * "twenty-five"). Not inside a longer word ("someone", "often"), nor glued to a hyphenated code.
 */
export const NUMBER_WORD_RUN = new RegExp(
  `(?<![\\p{L}\\p{N}])${NUMBER_WORD}(?:(?:[ \\t]*-[ \\t]*|[ \\t]+and[ \\t]+|[ \\t]+)${NUMBER_WORD})*(?![\\p{L}\\p{N}])`,
  'giu',
);

/** A piece of a run: a number it spelled out, or a word that was not part of any number. */
export type NumberWordPiece =
  { readonly kind: 'number'; readonly value: number } | { readonly kind: 'word'; readonly text: string };

/**
 * Reads a run of number words (as matched by {@link NUMBER_WORD_RUN}) into numbers. A run that is not one
 * well-formed number splits where it stops being one: "one two" → 1, 2; "four and five" → 4, "and", 5.
 * A scale or "hundred" with nothing before it ("billion" in "1.6 billion", "hundreds") stays a word.
 */
export function readNumberWords(run: string): NumberWordPiece[] {
  const words = run
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word.length > 0);
  const pieces: NumberWordPiece[] = [];
  let total = 0;
  let current = 0;
  let started = false;
  // What the last word was, to reject sequences no one says as one number ("one two", "twenty thirty").
  let last: 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'none' = 'none';
  let lastScale = Infinity;
  let pendingAnd = false;

  const flush = (): void => {
    if (started) pieces.push({ kind: 'number', value: total + current });
    total = 0;
    current = 0;
    started = false;
    last = 'none';
    lastScale = Infinity;
  };
  const flushAnd = (): void => {
    if (pendingAnd) pieces.push({ kind: 'word', text: 'and' });
    pendingAnd = false;
  };

  for (const word of words) {
    if (word === 'and') {
      // "eight hundred and fifty": only after a hundred or a scale, and only if a number follows.
      if (started && (last === 'hundred' || last === 'scale') && !pendingAnd) {
        pendingAnd = true;
      } else {
        flush();
        flushAnd();
        pieces.push({ kind: 'word', text: word });
      }
      continue;
    }
    const unit = UNITS[word];
    const tens = TENS[word];
    const scale = SCALES[word];
    const below100 = current % 100;
    if (unit !== undefined) {
      const teen = unit >= 10;
      const fits = !started || (teen ? below100 === 0 : below100 === 0 || last === 'tens');
      if (!fits) {
        flush();
        flushAnd();
      }
      pendingAnd = false;
      current += unit;
      started = true;
      last = teen ? 'teen' : 'unit';
    } else if (tens !== undefined) {
      if (started && below100 !== 0) {
        flush();
        flushAnd();
      }
      pendingAnd = false;
      current += tens;
      started = true;
      last = 'tens';
    } else if (word === 'hundred') {
      if (!started || current === 0 || current >= 100 || pendingAnd) {
        flush();
        flushAnd();
        pieces.push({ kind: 'word', text: word });
        continue;
      }
      current *= 100;
      last = 'hundred';
    } else if (scale !== undefined) {
      if (!started || current === 0 || scale >= lastScale || pendingAnd) {
        flush();
        flushAnd();
        pieces.push({ kind: 'word', text: word });
        continue;
      }
      total += current * scale;
      current = 0;
      last = 'scale';
      lastScale = scale;
    }
  }
  flush();
  flushAnd();
  return pieces;
}
