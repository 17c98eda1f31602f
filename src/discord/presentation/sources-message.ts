import type { SourceSummary } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** The fact sheets Kizuna answers from, with their dates and how many passages and quotations each has. */
export function formatSourcesMessage(sources: readonly SourceSummary[]): OutgoingMessage {
  const passages = sources.reduce((sum, source) => sum + source.passageCount, 0);
  return {
    embeds: [
      fitEmbed({
        title: 'Fact sheets Kizuna answers from',
        description:
          sources.length === 0
            ? 'No fact sheets are loaded.'
            : `${sources.length} fact ${sources.length === 1 ? 'sheet' : 'sheets'}, ${passages} citable passages.`,
        fields: sources.map((source) => ({
          name: neutralizeMentions(source.title),
          value: neutralizeMentions(
            `${source.displayDate} · ${source.publisher}\n` +
              `${plural(source.passageCount, 'passage')} · ${plural(source.quotationCount, 'quotation')}`,
          ),
        })),
        color: EmbedColors.info,
      }),
    ],
    allowedMentions: noMentions(),
  };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
