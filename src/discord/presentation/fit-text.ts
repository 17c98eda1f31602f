/** The mark appended where text was shortened. */
export const ELLIPSIS = '…';

/** Sentence ends, including Japanese full-width punctuation; a closing quote or bracket may follow. */
const SENTENCE_END = /[.!?。！？]["'”’)\]]?(?=\s|$)|[。！？]/gu;

/**
 * Returns `text` unchanged when it fits in `max` characters; otherwise cuts it at the last sentence end,
 * else the last word boundary, that keeps at least half of the budget, and appends "…".
 * Lengths are UTF-16 code units, which is never less than what Discord counts.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  const cut = findCut(text, budget, { preferParagraphs: false });
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Splits `text` into pieces of at most `max` characters, breaking at paragraph, line, sentence or word
 * boundaries when one is reasonably close, so a long answer reads naturally across several messages.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max, { preferParagraphs: true });
    const piece = rest.slice(0, cut).trimEnd();
    pieces.push(piece.length > 0 ? piece : rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/**
 * Index to cut `text` at so the head is at most `budget` long. A boundary is only used when it keeps at
 * least half the budget; otherwise a hard cut (CJK text has no spaces) that never splits a surrogate pair.
 */
function findCut(text: string, budget: number, options: { preferParagraphs: boolean }): number {
  const head = text.slice(0, budget + 1);
  const floor = Math.floor(budget / 2);
  const candidates: number[] = [];
  if (options.preferParagraphs) {
    candidates.push(lastIndexWithin(head, '\n\n', budget), lastIndexWithin(head, '\n', budget));
  }
  candidates.push(lastSentenceEnd(head, budget), lastWhitespace(head, budget));
  for (const candidate of candidates) {
    if (candidate >= floor && candidate > 0) return candidate;
  }
  let hard = budget;
  if (isHighSurrogate(text.charCodeAt(hard - 1))) hard -= 1;
  return Math.max(hard, 1);
}

function lastIndexWithin(head: string, separator: string, budget: number): number {
  const index = head.lastIndexOf(separator, budget - separator.length);
  return index < 0 ? -1 : index;
}

function lastSentenceEnd(head: string, budget: number): number {
  let best = -1;
  for (const match of head.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end <= budget) best = end;
  }
  return best;
}

function lastWhitespace(head: string, budget: number): number {
  for (let index = Math.min(budget, head.length - 1); index > 0; index -= 1) {
    if (/\s/u.test(head[index] ?? '')) return index;
  }
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
