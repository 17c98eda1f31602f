import type { PermissionsInput } from './types.js';

/** The permission bits the simulator reasons about (values from Discord's documentation). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  UseExternalApps: 1n << 50n,
} as const;

/** Every permission Discord currently defines (what owners and administrators effectively have). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What @everyone can do in a freshly made test guild. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.CreatePrivateThreads |
  Permission.SendMessagesInThreads |
  Permission.UseExternalApps;

/** What a typical invite link grants a Q&A bot. */
export const DEFAULT_BOT_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseExternalEmojis |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads |
  Permission.ManageThreads;

/** What Discord reports as `app_permissions` in a DM with the bot. */
export const DM_APP_PERMISSIONS =
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands;

/** Accepts bigint or decimal-string permissions and returns a bigint. */
export function toPermissionBits(input: PermissionsInput): bigint {
  return typeof input === 'bigint' ? input : BigInt(input);
}

/** Guild-level permissions from the roles a member holds (owner and Administrator get everything). */
export function combineRolePermissions(rolePermissions: readonly bigint[], isOwner: boolean): bigint {
  if (isOwner) return ALL_PERMISSIONS;
  const combined = rolePermissions.reduce((bits, role) => bits | role, 0n);
  return (combined & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : combined;
}

/** Whether `granted` includes every bit of `required`. */
export function hasPermissions(granted: bigint, required: bigint): boolean {
  return (granted & required) === required;
}
