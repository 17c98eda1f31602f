/** A line that opens a section: `HEADING IN CAPITALS: one-sentence summary`. */
export interface SectionHeadingLine {
  /** The heading as written, e.g. "SHARED PROSPERITY". */
  readonly heading: string;
  /** The sentence after "HEADING: ", trimmed; empty when the line is only a heading. */
  readonly summary: string;
}

// Capitals, digits, spaces and the punctuation headings use; no lower-case letter may appear before the colon.
const HEADING_LINE = /^([A-Z0-9][A-Z0-9 ,.&/'’()–-]*?)\s*:(?:\s+(.*))?$/;
/** At least three capital letters, so an acronym such as "US:" opening a bullet is not read as a heading. */
const MIN_HEADING_LETTERS = 3;

/** Reads a trimmed body line as a section heading line; undefined when it is not one. */
export function parseSectionHeadingLine(trimmedLine: string): SectionHeadingLine | undefined {
  const match = HEADING_LINE.exec(trimmedLine);
  const heading = match?.[1];
  if (match === null || heading === undefined) return undefined;
  if ((heading.match(/[A-Z]/g) ?? []).length < MIN_HEADING_LETTERS) return undefined;
  return { heading, summary: (match[2] ?? '').trim() };
}
