import stringWidth from 'string-width';

import { wrapUnits } from './wrap-units.js';

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
 * Greedy wrap to `width` terminal columns. Line breaks in the text are kept (an overview's "• " lines stay
 * one per line); runs of spaces collapse to one. Widths are display columns: East Asian wide characters
 * count as two. English breaks at spaces; Japanese also between words (see {@link wrapUnits}). A word
 * longer than the line (a URL) is left whole rather than cut.
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
  const firstIndent = options.firstIndent ?? '';
  const indent = options.indent ?? firstIndent;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = lines.length === 0 ? firstIndent : indent;
    let hasWord = false;
    for (const unit of wrapUnits(paragraph)) {
      const candidate = `${current}${hasWord && unit.spaceBefore ? ' ' : ''}${unit.text}`;
      if (hasWord && unit.breakBefore && stringWidth(candidate) > width) {
        lines.push(current);
        current = `${indent}${unit.text}`;
      } else {
        current = candidate;
      }
      hasWord = true;
    }
    lines.push(hasWord ? current : '');
  }
  return lines;
}
