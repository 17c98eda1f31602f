/** The result of checking a model's citation markers against the retrieved passages. */
export interface CheckedCitations {
  /** The text with every marker written as `[n]` and markers outside 1..passageCount removed. */
  readonly text: string;
  /** Valid marker numbers, distinct, in order of first appearance. */
  readonly kept: readonly number[];
  /** Marker numbers that pointed at no retrieved passage, distinct, in order of first appearance. */
  readonly dropped: readonly number[];
}

/**
 * A bracketed group of passage numbers as models write them: `[2]`, `[1, 3]`, `[1; 3]`, `[2-4]`.
 * The leading blanks are captured so a removed marker does not leave a gap before punctuation.
 */
const MARKER_GROUP = /([ \t]*)\[(\d+(?:\s*[,;]\s*\d+|\s*[-–]\s*\d+)*)\]/g;

/** Ranges wider than this are not citations (e.g. "[1990-2019]"). */
const MAX_RANGE = 20;

/**
 * Keeps only the markers that point at a retrieved passage, so an answer never cites what was not
 * retrieved, and rewrites groups into the `[1][3]` form the rest of Kizuna expects.
 */
export function checkCitationMarkers(text: string, passageCount: number): CheckedCitations {
  const kept: number[] = [];
  const dropped: number[] = [];
  const note = (list: number[], value: number) => {
    if (!list.includes(value)) list.push(value);
  };

  const rewritten = text.replace(MARKER_GROUP, (whole, blanks: string, inner: string) => {
    const numbers = expandGroup(inner);
    if (numbers === undefined) return whole;
    const valid = numbers.filter((n) => n >= 1 && n <= passageCount);
    for (const n of numbers) note(valid.includes(n) ? kept : dropped, n);
    return valid.length === 0 ? '' : `${blanks}${valid.map((n) => `[${n}]`).join('')}`;
  });

  return { text: rewritten.replace(/[ \t]+\n/g, '\n').trim(), kept, dropped };
}

/** The numbers of a marker group, or undefined when it is not a citation (a year range, say). */
function expandGroup(inner: string): number[] | undefined {
  const numbers: number[] = [];
  for (const part of inner.split(/\s*[,;]\s*/)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from || to - from > MAX_RANGE) return undefined;
      for (let n = from; n <= to; n += 1) numbers.push(n);
    } else {
      numbers.push(Number(part));
    }
  }
  return numbers;
}
