import type { Citation } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** The exact words of one passage, with where it comes from. */
export function formatPassageMessage(citation: Citation): OutgoingMessage {
  return {
    embeds: [
      fitEmbed({
        title: neutralizeMentions(citation.title),
        description: neutralizeMentions(citation.passage),
        fields: [
          { name: 'Date', value: citation.displayDate, inline: true },
          { name: 'Section', value: citation.section.trim() || 'opening quotation', inline: true },
        ],
        footer: { text: `Passage ${citation.passageId}` },
        color: EmbedColors.info,
      }),
    ],
    allowedMentions: noMentions(),
  };
}
