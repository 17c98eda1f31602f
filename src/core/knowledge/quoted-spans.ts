/** Words between quotation marks inside a line. */
export interface QuotedSpan {
  /** The words between the marks, verbatim (brackets and inner punctuation included). */
  readonly text: string;
  /** Offset of the opening mark. */
  readonly start: number;
  /** Offset just after the closing mark, or the end of the line when the quotation is never closed. */
  readonly end: number;
}

/** A line that is a quotation followed by its attribution: `"…" – Speaker` or `"… -Speaker`. */
export interface WholeLineQuotation {
  readonly text: string;
  readonly attribution: string;
}

/**
 * Quoted spans of a line. Straight marks pair up in order; curly ones open with “ and close with ”.
 * A last unpaired mark opens a quotation that runs to the end of the line (the 2019 sheet has one).
 */
export function findQuotedSpans(line: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let openAt: number | undefined;
  let closer = '';
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (openAt === undefined) {
      if (char === '"' || char === '“') {
        openAt = index;
        closer = char === '"' ? '"' : '”';
      }
    } else if (char === closer) {
      spans.push({ text: line.slice(openAt + 1, index), start: openAt, end: index + 1 });
      openAt = undefined;
    }
  }
  if (openAt !== undefined)
    spans.push({ text: line.slice(openAt + 1).trimEnd(), start: openAt, end: line.length });
  return spans;
}

// Greedy: the attribution is after the *last* dash that follows a closing mark or a space, so hyphens
// inside the quotation ("Japan-U.S.") are left alone. The attribution itself is quote-free and starts with a capital.
const WHOLE_LINE = /^["“](?<quoted>.*)(?:["”][ \t]*|[ \t]+)[-–—][ \t]*(?<attribution>\p{Lu}[^"“”]*)$/u;
/** Attributions are names, not sentences: a few words at most. */
const MAX_ATTRIBUTION_WORDS = 8;

/** Reads a trimmed line as a whole-line quotation with a dash attribution; undefined when it is not one. */
export function parseWholeLineQuotation(line: string): WholeLineQuotation | undefined {
  const match = WHOLE_LINE.exec(line);
  const quoted = match?.groups?.['quoted'];
  const attribution = match?.groups?.['attribution']?.trim();
  if (quoted === undefined || attribution === undefined) return undefined;
  if (attribution.split(/\s+/).length > MAX_ATTRIBUTION_WORDS) return undefined;
  const text = quoted.replace(/["”][ \t]*$/, '').trim();
  return text === '' ? undefined : { text, attribution };
}
