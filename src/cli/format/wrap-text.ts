export interface WrapOptions {
  /**
   * Prefix of the first line.
   * @default ''
   */
  readonly firstIndent?: string;
  /**
   * Prefix of the following lines.
   * @default firstIndent
   */
  readonly indent?: string;
}

/**
 * Greedy word wrap to `width` columns. Line breaks in the text are kept as paragraph breaks; runs of spaces
 * collapse to one. A word longer than the line (a URL) is left whole rather than cut.
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
  const firstIndent = options.firstIndent ?? '';
  const indent = options.indent ?? firstIndent;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((word) => word !== '');
    let current = lines.length === 0 ? firstIndent : indent;
    let hasWord = false;
    for (const word of words) {
      const candidate = hasWord ? `${current} ${word}` : `${current}${word}`;
      if (hasWord && columns(candidate) > width) {
        lines.push(current);
        current = `${indent}${word}`;
      } else {
        current = candidate;
      }
      hasWord = true;
    }
    lines.push(hasWord ? current : '');
  }
  return lines;
}

function columns(text: string): number {
  // Code points, not UTF-16 units; wide (CJK) characters still count as one column, which is close enough here.
  return [...text].length;
}
