import { numberWordValue, SCALES } from '../text/number-words.js';
import { tokenize } from '../text/tokenize.js';

/** What the sheets make of a number the asker put up for checking. */
export type ClaimVerdict = 'confirmed' | 'contradicted';

/**
 * A yes-or-no question that puts a number up for checking ("wasn't it 40,000 jobs?", "was it like 50
 * meetings?", "did the UN pass five rounds of sanctions?") against the sentence that answers it: confirmed
 * when the sentence gives the same figure, contradicted when every figure it gives of the same thing is
 * far from it, undefined when it cannot tell (no figure, or only figures of other things).
 *
 * @param question - as normalised (numbers in digits: "40,000", "1.6 billion").
 * @param answer - the sentence the answer leads with.
 * @returns the verdict; years (1900–2099 without a scale word) are dates, never figures checked.
 */
export function checkClaim(question: string, answer: string): ClaimVerdict | undefined {
  // "How many jobs will it bring? Was it 40,000?": the sentence that checks a claim holds the figure.
  const checking = question
    .split(/(?<=[?!.])\s+/u)
    .filter((sentence) => CHECKS_A_CLAIM.test(sentence))
    .join(' ');
  // "between the two sheets": a count of the sheets points at them, it is no claim about what they say.
  const offered = figures(checking).filter((figure) => !POINTS_AT_SHEETS.test(figure.counted[0] ?? ''));
  if (offered.length === 0) return undefined;
  const given = figures(answer);
  if (given.length === 0) return undefined;
  // A figure the answer gives of the same thing: what the guess counts ("jobs", "rounds"), or any figure
  // when the guess is large (850,000 is no chance match; 2 may well be).
  const comparable = (guess: Figure) =>
    given.filter(
      (figure) => shareCountedWord(guess, figure) || (guess.value >= LARGE && figure.value >= LARGE),
    );
  const verdicts = offered.map((guess) => {
    const same = comparable(guess);
    if (same.length === 0) return undefined;
    if (same.some((figure) => sameFigure(guess, figure))) return 'confirmed';
    return same.every((figure) => farApart(guess.value, figure.value)) ? 'contradicted' : undefined;
  });
  // "$1.6bn or $16bn?": one right and one wrong is no yes and no no.
  const first = verdicts[0];
  return first !== undefined && verdicts.every((verdict) => verdict === first) ? first : undefined;
}

/** Counted words that point at the sheets themselves ("the two sheets", "both docs"). */
const POINTS_AT_SHEETS = /^(?:fact|sheets?|docs?|documents?|ones?|versions?)$/u;

/** A figure this large is compared with the answer's large figures whatever it counts. */
const LARGE = 1_000;

/** A yes-or-no question, or a claim put up with "is it true", "right?", "correct?". */
const CHECKS_A_CLAIM =
  /^\W*(?:(?:so|wait|but|and|hey|ok(?:ay)?)[\s,]+)?(?:is|are|was|were|did|do|does|has|have|had|isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t|didn['’]?t|doesn['’]?t|hasn['’]?t|haven['’]?t)\b|\bis\s+it\s+true\b|\b(?:right|correct|true)\s*\?\s*$/iu;

/** How far apart two figures must be (as a ratio) for one to contradict the other: 50 vs 30, not 2 vs 1.6. */
const FAR = 1.5;

interface Figure {
  readonly value: number;
  /** The words after it: what it counts ("jobs", "official meetings"). */
  readonly counted: readonly string[];
}

function figures(text: string): Figure[] {
  const tokens = tokenize(text);
  const found: Figure[] = [];
  tokens.forEach((token, index) => {
    // Small counts are tokenised as words ("3 rounds" → "three"), larger ones as digits.
    const base = /^\d+(?:\.\d+)?$/.test(token) ? Number(token) : numberWordValue(token);
    if (base === undefined) return;
    // "four k jobs": "k" for thousand, typed as a word of its own.
    const next = tokens[index + 1] ?? '';
    const scale = next === 'k' ? 1e3 : SCALES[next];
    const value = base * (scale ?? 1);
    if (scale === undefined && /^(?:19|20)\d\d$/.test(token)) return;
    if (value <= 1) return;
    found.push({ value, counted: tokens.slice(index + (scale === undefined ? 1 : 2), index + 4) });
  });
  return found;
}

/** 50 and 30 meetings, 40,000 and 850,000 jobs; and any two small counts that differ (3 and 4 rounds). */
function farApart(a: number, b: number): boolean {
  if (Number.isInteger(a) && Number.isInteger(b) && a < SMALL_COUNT && b < SMALL_COUNT) return a !== b;
  return Math.max(a, b) / Math.min(a, b) >= FAR;
}

/** Below this, counts are told exactly ("four rounds"), so any other count is wrong. */
const SMALL_COUNT = 20;

function sameFigure(a: Figure, b: Figure): boolean {
  return Math.abs(a.value - b.value) <= Math.max(a.value, b.value) * 0.02;
}

function shareCountedWord(a: Figure, b: Figure): boolean {
  const stemOf = (word: string) => word.replace(/s$/u, '');
  const words = new Set(a.counted.map(stemOf));
  return b.counted.some((word) => words.has(stemOf(word)));
}
