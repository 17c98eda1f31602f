import { messages } from '../../core/language/messages.js';
import { formatFallbackNote } from '../../core/models/fallback-reason.js';
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

/** What the terminal shows of an answer; `language` defaults to English. */
export type TerminalAnswer = Pick<Answer, 'answered' | 'text' | 'citations'> &
  Partial<Pick<Answer, 'language' | 'fallbackReason'>>;

/**
 * An answer for a person: the text (with its `[n]` markers, line breaks kept) wrapped to the width, then
 * the sources list, headed in the answer's language. Anything that is not an answer is shown in yellow;
 * a `related` answer (not an exact answer, but the closest passage) still lists the passage it cites, and
 * a refusal, which cites nothing, is the core's message alone. An answer that stands in for a model's
 * (`fallbackReason`) ends with a dim note saying so.
 */
export function formatAnswerForTerminal(answer: TerminalAnswer, options: AnswerFormatOptions): string {
  const style = createStyler(options.color);
  // Wrap first, colour after: escape codes must not count towards the width.
  const body = wrapText(answer.text, options.width).join('\n');
  const highlighted = answer.answered
    ? body.replace(/\[\d+\]/g, (marker) => style('cyan', marker))
    : style('yellow', body);
  const heading = messages(answer.language ?? 'en').sources;
  const parts = [highlighted];
  if (answer.citations.length > 0) parts.push(formatSourcesList(answer.citations, { ...options, heading }));
  if (answer.fallbackReason !== undefined) {
    const note = wrapText(formatFallbackNote(answer.fallbackReason), options.width).join('\n');
    parts.push(style('dim', note));
  }
  return parts.join('\n\n');
}
