import type { QuoteResult } from '../../core/types.js';
import { describeCitation } from './format-sources.js';
import { createStyler } from './styler.js';
import type { TerminalFormatOptions } from './terminal-options.js';
import { wrapText } from './wrap-text.js';

/**
 * A quotation for a person: the words in quotation marks, the speaker, then where it is written
 * (`Source: <title> (<displayDate>) — <section>`).
 */
export function formatQuoteForTerminal(result: QuoteResult, options: TerminalFormatOptions): string {
  const style = createStyler(options.color);
  const words = wrapText(`“${result.quotation.text}”`, options.width).map((line) => style('italic', line));
  const speaker = style('bold', `— ${result.quotation.speaker}`);
  const source = wrapText(`Source: ${describeCitation(result.citation)}`, options.width, {
    indent: '  ',
  }).map((line) => style('dim', line));
  return [...words, `  ${speaker}`, '', ...source].join('\n');
}

/** What to say when no quotation matches: what was asked for, and the speakers that do exist. */
export function formatNoQuoteMessage(
  query: { speaker?: string; topic?: string },
  speakers: readonly string[],
): string {
  const filters = [
    query.speaker ? `speaker “${query.speaker}”` : undefined,
    query.topic ? `topic “${query.topic}”` : undefined,
  ].filter((part) => part !== undefined);
  const asked = filters.length > 0 ? ` for ${filters.join(' and ')}` : '';
  const known =
    speakers.length > 0
      ? ` Known speakers: ${speakers.join('; ')}.`
      : ' The fact sheets contain no quotations.';
  return `Sorry, I found no quotation${asked}.${known}`;
}
