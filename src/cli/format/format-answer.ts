import type { Answer } from '../../core/types.js';
import { formatSourcesList } from './format-sources.js';
import { createStyler } from './styler.js';
import type { TerminalFormatOptions } from './terminal-options.js';
import { wrapText } from './wrap-text.js';

export interface AnswerFormatOptions extends TerminalFormatOptions {
  /**
   * Show each cited passage verbatim under the sources list (chat shows them on `/sources` instead).
   * @default true
   */
  readonly withPassages?: boolean;
}

/**
 * An answer for a person: the text (with its `[n]` markers) wrapped to the width, then the sources list.
 * A refusal is the core's message alone: it cites nothing.
 */
export function formatAnswerForTerminal(
  answer: Pick<Answer, 'answered' | 'text' | 'citations'>,
  options: AnswerFormatOptions,
): string {
  const style = createStyler(options.color);
  // Wrap first, colour after: escape codes must not count towards the width.
  const body = wrapText(answer.text, options.width).join('\n');
  if (!answer.answered) return style('yellow', body);
  const highlighted = body.replace(/\[\d+\]/g, (marker) => style('cyan', marker));
  if (answer.citations.length === 0) return highlighted;
  return `${highlighted}\n\n${formatSourcesList(answer.citations, options)}`;
}
