import { PermissionFlagsBits } from 'discord.js';

import { KizunaError } from '../../core/errors.js';
import { messages, type MessageCatalogue } from '../../core/language/messages.js';

/** Who is asking for an admin command, reduced to what the check needs. */
export interface Requester {
  readonly userId: string;
  /** False in DMs (and in servers the bot is not installed in as a bot). */
  readonly inGuild: boolean;
  /** The member's resolved permissions in the channel, when in a server. */
  readonly permissions: bigint | undefined;
  readonly roleIds: readonly string[];
}

/** The admin lists from configuration (`ADMIN_ROLE_IDS`, `ADMIN_USER_IDS`). */
export interface AdminLists {
  readonly adminRoleIds: readonly string[];
  readonly adminUserIds: readonly string[];
}

/** The outcome of the admin check: allowed, or why not. */
export type AdminVerdict = 'allowed' | 'not-in-guild' | 'not-admin';

/**
 * Server-side admin check, made on every admin command because a server can override the default member
 * permissions the commands are registered with. Admins: Administrator or Manage Server, or a listed role
 * or user. Never in DMs.
 */
export function adminVerdict(requester: Requester, lists: AdminLists): AdminVerdict {
  if (!requester.inGuild) return 'not-in-guild';
  const permissions = requester.permissions ?? 0n;
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return 'allowed';
  if ((permissions & PermissionFlagsBits.ManageGuild) !== 0n) return 'allowed';
  if (lists.adminUserIds.includes(requester.userId)) return 'allowed';
  if (requester.roleIds.some((roleId) => lists.adminRoleIds.includes(roleId))) return 'allowed';
  return 'not-admin';
}

/** Throws the polite `FORBIDDEN` refusal, in `say`'s language, for anything but `allowed`. */
export function assertAdmin(
  requester: Requester,
  lists: AdminLists,
  say: MessageCatalogue = messages('en'),
): void {
  const verdict = adminVerdict(requester, lists);
  if (verdict === 'not-in-guild') throw new KizunaError('FORBIDDEN', say.adminOnlyInServer);
  if (verdict === 'not-admin') throw new KizunaError('FORBIDDEN', say.adminOnly);
}
