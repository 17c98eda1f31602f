import { PermissionFlagsBits, type Message, type RepliableInteraction } from 'discord.js';

/**
 * Whether Kizuna may send embeds in reply to an interaction: Discord sends the app's permissions in that
 * channel with every interaction, so this needs no cache. (Without them, as in old payloads, assume yes.)
 */
export function canEmbedForInteraction(interaction: RepliableInteraction): boolean {
  return interaction.appPermissions?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}

/**
 * Whether Kizuna may send embeds in a message's channel (a thread follows its parent's overwrites, which
 * discord.js resolves). DMs always allow them; when the bot's member or the channel is not cached, assume
 * yes rather than degrade every answer.
 */
export function canEmbedInChannelOf(message: Message): boolean {
  const channel = message.channel;
  if (!('guild' in channel) || channel.isDMBased()) return true;
  const me = channel.guild.members.me;
  if (!me) return true;
  return channel.permissionsFor(me)?.has(PermissionFlagsBits.EmbedLinks) ?? true;
}
