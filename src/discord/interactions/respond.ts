import { MessageFlags, type RepliableInteraction } from 'discord.js';

import { canEmbedForInteraction } from '../presentation/embed-permission.js';
import type { OutgoingMessage } from '../presentation/outgoing-message.js';
import { toPlainTextMessages } from '../presentation/plain-text-message.js';
import { noMentions } from '../presentation/sanitize.js';

/**
 * Sends the main response of an interaction: a reply, or the edit of a deferred reply. Choosing by the
 * interaction's state means a handler never replies twice.
 */
export async function sendResponse(
  interaction: RepliableInteraction,
  message: OutgoingMessage,
): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(message);
  } else if (interaction.replied) {
    await interaction.followUp(message);
  } else {
    await interaction.reply(message);
  }
}

/** Sends a short text only the person who used the interaction can see. */
export async function sendPrivateNotice(interaction: RepliableInteraction, text: string): Promise<void> {
  const notice = { content: text, allowedMentions: noMentions() };
  if (interaction.deferred && !interaction.replied) {
    // The deferral already fixed the visibility of the original response; replace its "thinking…".
    await interaction.editReply({ ...notice, embeds: [], components: [] });
  } else if (interaction.replied) {
    await interaction.followUp({ ...notice, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...notice, flags: MessageFlags.Ephemeral });
  }
}

/**
 * Replies with a message made of embeds (`/quote`, `/sources`, `/status`), or, in a channel that denies
 * Kizuna Embed Links, with the same words as Markdown text instead of a 403: the first piece of at most
 * 2,000 characters as the reply, any others as follow-ups, each with `flags` (e.g. ephemeral).
 */
export async function replyWithEmbedsOrText(
  interaction: RepliableInteraction,
  message: OutgoingMessage,
  flags?: MessageFlags.Ephemeral,
): Promise<void> {
  const [first, ...rest] = canEmbedForInteraction(interaction) ? [message] : toPlainTextMessages([message]);
  const withFlags = (piece: OutgoingMessage) => (flags === undefined ? piece : { ...piece, flags });
  if (first) await interaction.reply(withFlags(first));
  for (const piece of rest) await interaction.followUp(withFlags(piece));
}
