import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { SourceSummary } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** The fact sheets Kizuna answers from, with their dates and how many passages and quotations each has. */
export function formatSourcesMessage(
  sources: readonly SourceSummary[],
  say: MessageCatalogue = messages('en'),
): OutgoingMessage {
  const passages = sources.reduce((sum, source) => sum + source.passageCount, 0);
  return {
    embeds: [
      fitEmbed({
        title: say.sourcesTitle,
        description: sources.length === 0 ? say.noSources : say.sourcesSummary(sources.length, passages),
        fields: sources.map((source) => ({
          name: neutralizeMentions(source.title),
          value: neutralizeMentions(
            `${source.displayDate} · ${source.publisher}\n` +
              `${say.passageCount(source.passageCount)} · ${say.quotationCount(source.quotationCount)}`,
          ),
        })),
        color: EmbedColors.info,
      }),
    ],
    allowedMentions: noMentions(),
  };
}
