import { ChannelType, type Message } from 'discord.js';

import type { ServerSettings } from '../../storage/repositories/settings-repository.js';

/** Channel kinds that can be answer channels: text and announcement channels, and forums. */
export const ANSWER_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
] as const;

/**
 * Whether a message is a question by virtue of where it is (`/settings add-channel`): any message posted
 * directly in an answer channel, or the opening message of a new post in an answer forum (a forum post's
 * first message has the thread's own id). Replies inside a forum post still need a mention or a reply.
 */
export function inAnswerChannel(message: Message, settings: ServerSettings): boolean {
  if (settings.answerChannelIds.length === 0 || message.guildId === null) return false;
  const channel = message.channel;
  if (!channel.isThread()) return settings.answerChannelIds.includes(channel.id);
  return (
    channel.parentId !== null &&
    settings.answerChannelIds.includes(channel.parentId) &&
    message.id === channel.id &&
    (channel.parent?.type ?? ChannelType.GuildForum) === ChannelType.GuildForum
  );
}
