import type { QuoteResult } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { passageButtonRows } from './passage-buttons.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** A quotation with its speaker, its citation, and a button that shows the passage it stands in. */
export function formatQuoteMessage(result: QuoteResult): OutgoingMessage {
  const { quotation, citation } = result;
  const section = citation.section.trim() || 'opening quotation';
  return {
    embeds: [
      fitEmbed({
        author: { name: neutralizeMentions(quotation.speaker) },
        description: neutralizeMentions(`“${quotation.text}”`),
        fields: [
          {
            name: 'Source',
            value: neutralizeMentions(`*${citation.title}*\n${citation.displayDate} — ${section}`),
          },
        ],
        color: EmbedColors.quote,
      }),
    ],
    components: passageButtonRows([{ label: 'Show the passage', passageId: citation.passageId }]),
    allowedMentions: noMentions(),
  };
}
