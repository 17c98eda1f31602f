import type { APIEmbed } from 'discord.js';

import { DiscordLimits } from './discord-limits.js';
import { fitText, splitText } from './fit-text.js';
import type { OutgoingMessage } from './outgoing-message.js';

/**
 * An embed's words as Markdown: the title in bold, the description, each field's name in bold over its
 * value (the sources, with their `[n]` markers), and the footer as small text. Nothing is left out.
 */
export function embedAsMarkdown(embed: APIEmbed): string {
  const parts: string[] = [];
  if (embed.title) parts.push(`**${embed.title}**`);
  if (embed.description) parts.push(embed.description);
  for (const field of embed.fields ?? []) parts.push(`**${field.name}**\n${field.value}`);
  if (embed.footer?.text) parts.push(footerAsSubtext(embed.footer.text));
  return parts.join('\n\n');
}

/** Discord's `-# ` subtext applies to one line, so every footer line gets its own. */
function footerAsSubtext(footer: string): string {
  return footer
    .split('\n')
    .map((line) => `-# ${line}`)
    .join('\n');
}

/**
 * The same messages without embeds, for a channel where Kizuna may not embed (Embed Links denied): each
 * message's embeds become Markdown text, split at natural boundaries into as many messages of at most
 * 2,000 characters as it takes. Buttons stay on the last piece of the message that had them; `embeds: []`
 * makes an edit of an earlier embed message (a streamed draft) drop its embed too.
 */
export function toPlainTextMessages(messages: readonly OutgoingMessage[]): OutgoingMessage[] {
  return messages.flatMap((message) => {
    const pieces = splitText(plainText(message), DiscordLimits.messageContent);
    return pieces.map((content, index) => ({
      content,
      embeds: [],
      ...(index === pieces.length - 1 && message.components ? { components: message.components } : {}),
      allowedMentions: message.allowedMentions,
    }));
  });
}

/**
 * One message without embeds, cut to 2,000 characters with "…" when longer: for a message that is edited
 * in place and so cannot become several (a streamed draft, replaced by the final answer anyway).
 */
export function toPlainTextMessage(message: OutgoingMessage): OutgoingMessage {
  return {
    content: fitText(plainText(message), DiscordLimits.messageContent),
    embeds: [],
    ...(message.components ? { components: message.components } : {}),
    allowedMentions: message.allowedMentions,
  };
}

function plainText(message: OutgoingMessage): string {
  return [message.content ?? '', ...(message.embeds ?? []).map(embedAsMarkdown)]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
}
