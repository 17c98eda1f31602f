/**
 * Quotations in a model's sentence, and whether each is verbatim in a passage. Normalisation forgives
 * only what does not change the words: curly vs straight quotes, case, spacing, punctuation, the square
 * brackets of an editorial insertion ("strong, [and] tough") and an ellipsis standing for left-out words.
 */

// “…”, "…", and ‘…’ around at least two words (a lone ‘ is an apostrophe far more often than a quote).
const QUOTED = /“([^”]+)”|"([^"]+)"|‘([^’]*\s[^’]*)’|「([^」]+)」/gu;
const ELLIPSIS = /…|\.\.\./u;

/** The quoted spans of a text, without their quotation marks, in order. */
export function quotedSpans(text: string): string[] {
  return [...text.matchAll(QUOTED)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '')
    .filter((span) => normaliseForQuote(span) !== '');
}

/** Lowercase words separated by single spaces; everything that is not a letter or digit is a separator. */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * True when every part of `span` (parts are separated by an ellipsis) appears, whole words, in one of
 * `sources`.
 */
export function isVerbatimIn(span: string, sources: readonly string[]): boolean {
  const haystacks = sources.map((source) => ` ${normaliseForQuote(source)} `);
  const parts = span
    .split(ELLIPSIS)
    .map(normaliseForQuote)
    .filter((part) => part !== '');
  if (parts.length === 0) return true;
  return haystacks.some((haystack) => parts.every((part) => haystack.includes(` ${part} `)));
}
