import { messages } from '../../core/language/messages.js';
import type { Citation } from '../../core/types.js';
import { createStyler } from './styler.js';
import type { TerminalFormatOptions } from './terminal-options.js';
import { wrapText } from './wrap-text.js';

const PASSAGE_INDENT = '    ';

export interface SourcesListOptions extends TerminalFormatOptions {
  /**
   * Include each verbatim passage under its heading.
   * @default true
   */
  readonly withPassages?: boolean;
  /**
   * The heading, in the answer's language (`messages(language).sources`).
   * @default 'Sources'
   */
  readonly heading?: string;
}

/** `<title> (<displayDate>) — <section>`; the opening quotation has no section, so no dash. */
export function describeCitation(citation: Pick<Citation, 'title' | 'displayDate' | 'section'>): string {
  const where = `${citation.title} (${citation.displayDate})`;
  return citation.section ? `${where} — ${citation.section}` : where;
}

/**
 * The "Sources" block under an answer:
 * `[n] <title> (<displayDate>) — <section>` then the verbatim passage in quotation marks, wrapped and indented.
 */
export function formatSourcesList(citations: readonly Citation[], options: SourcesListOptions): string {
  const style = createStyler(options.color);
  const lines = [style('bold', options.heading ?? messages('en').sources)];
  for (const citation of citations) {
    const marker = `[${citation.marker}]`;
    const heading = wrapText(describeCitation(citation), options.width, {
      firstIndent: `${marker} `,
      indent: PASSAGE_INDENT,
    });
    lines.push(
      ...heading.map((line, index) =>
        index === 0 ? style('cyan', marker) + line.slice(marker.length) : line,
      ),
    );
    if (options.withPassages ?? true) {
      const quoted = wrapText(`“${citation.passage}”`, options.width, { firstIndent: PASSAGE_INDENT });
      lines.push(...quoted.map((line) => style('dim', line)));
    }
  }
  return lines.join('\n');
}
