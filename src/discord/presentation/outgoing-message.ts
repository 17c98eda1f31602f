import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

import { DiscordLimits } from './discord-limits.js';
import { fitText } from './fit-text.js';
import type { NoMentions } from './sanitize.js';

/**
 * A message Kizuna sends, as plain data: what the presentation functions produce and what tests inspect.
 * It is accepted as is by `reply`, `editReply`, `followUp`, `send` and `message.reply`.
 */
export interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Always set: nothing Kizuna sends may ping anyone. */
  allowedMentions: NoMentions;
}

/** Colours of Kizuna's embeds. */
export const EmbedColors = {
  answer: 0x3b6fd4,
  refusal: 0x8a8f98,
  /** A related passage: the sheets cover the subject but not exactly what was asked. */
  related: 0xd9a03f,
  quote: 0xbc002d,
  info: 0x2f3136,
  success: 0x2e9d58,
  failure: 0xd04a3a,
} as const;

/** Counts the characters of an embed that Discord adds up towards its 6000-character total. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/**
 * Fits every part of an embed to Discord's limits, then drops trailing fields until the whole embed is
 * within the 6000-character total. The presentation functions already aim for this; this is the guarantee.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = fitText(fitted.title, DiscordLimits.embedTitle);
  if (fitted.description !== undefined)
    fitted.description = fitText(fitted.description, DiscordLimits.embedDescription);
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: fitText(fitted.footer.text, DiscordLimits.embedFooter) };
  if (fitted.author)
    fitted.author = { ...fitted.author, name: fitText(fitted.author.name, DiscordLimits.embedAuthorName) };
  if (fitted.fields) {
    const fields = fitted.fields.slice(0, DiscordLimits.embedFields).map((field) => ({
      ...field,
      name: fitText(field.name, DiscordLimits.embedFieldName) || '\u200b',
      value: fitText(field.value, DiscordLimits.embedFieldValue) || '\u200b',
    }));
    fitted.fields = fields;
    while (fields.length > 0 && embedLength(fitted) > DiscordLimits.embedTotal) fields.pop();
  }
  if (embedLength(fitted) > DiscordLimits.embedTotal && fitted.description !== undefined) {
    const room = DiscordLimits.embedTotal - (embedLength(fitted) - fitted.description.length);
    fitted.description = fitText(fitted.description, Math.max(room, 1));
  }
  return fitted;
}
