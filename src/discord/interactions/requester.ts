import type { ChatInputCommandInteraction } from 'discord.js';

import type { Requester } from './permissions.js';

/** The facts the admin check needs, from a command interaction (cached or raw member alike). */
export function requesterOf(interaction: ChatInputCommandInteraction): Requester {
  const member = interaction.member;
  const roleIds = member
    ? Array.isArray(member.roles)
      ? [...member.roles]
      : [...member.roles.cache.keys()]
    : [];
  return {
    userId: interaction.user.id,
    inGuild: interaction.inGuild(),
    permissions: interaction.memberPermissions?.bitfield,
    roleIds,
  };
}
