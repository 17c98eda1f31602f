import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { Citation } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** The exact words of one passage, with where it comes from; labels in the reader's language. */
export function formatPassageMessage(
  citation: Citation,
  say: MessageCatalogue = messages('en'),
): OutgoingMessage {
  return {
    embeds: [
      fitEmbed({
        title: neutralizeMentions(citation.title),
        description: neutralizeMentions(citation.passage),
        fields: [
          { name: say.passageDate, value: citation.displayDate, inline: true },
          { name: say.passageSection, value: citation.section.trim() || say.openingQuotation, inline: true },
        ],
        footer: { text: say.passageFooter(citation.passageId) },
        color: EmbedColors.info,
      }),
    ],
    allowedMentions: noMentions(),
  };
}
