import type { Message } from 'discord.js';

/**
 * The bot's managed role(s) in the message's server: the integration role Discord creates when the bot
 * joins (`guild.members.me.roles.botRole`), plus any mentioned role tagged with the bot's id (in case the
 * bot's own member is not cached yet). Mentioning one of these is mentioning the bot. Empty in DMs.
 */
export function botRoleIdsOf(message: Message, botUserId: string): string[] {
  const ids = new Set<string>();
  const own = message.guild?.members.me?.roles.botRole;
  if (own) ids.add(own.id);
  for (const role of message.mentions.roles.values()) if (role.tags?.botId === botUserId) ids.add(role.id);
  return [...ids];
}
