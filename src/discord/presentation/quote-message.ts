import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { QuoteResult } from '../../core/types.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { passageButtonRows } from './passage-buttons.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/**
 * A quotation with its speaker, its citation, and a button that shows the passage it stands in. The
 * quoted words stay verbatim English; in Japanese a framing line above them says whose words they are.
 */
export function formatQuoteMessage(
  result: QuoteResult,
  say: MessageCatalogue = messages('en'),
): OutgoingMessage {
  const { quotation, citation } = result;
  const section = citation.section.trim() || say.openingQuotation;
  const framing = say.quoteFraming(quotation.speaker);
  const words = `“${quotation.text}”`;
  return {
    embeds: [
      fitEmbed({
        author: { name: neutralizeMentions(quotation.speaker) },
        description: neutralizeMentions(framing ? `${framing}\n${words}` : words),
        fields: [
          {
            name: say.quoteSource,
            value: neutralizeMentions(`*${citation.title}*\n${citation.displayDate} — ${section}`),
          },
        ],
        color: EmbedColors.quote,
      }),
    ],
    components: passageButtonRows([{ label: say.showPassage, passageId: citation.passageId }]),
    allowedMentions: noMentions(),
  };
}
