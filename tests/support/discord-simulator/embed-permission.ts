import { discordErrors } from './discord-errors.js';
import { hasPermissions, Permission } from './permissions.js';
import type { Snowflake } from './types.js';
import type { Json, World } from './world.js';

/**
 * Refuses a message with embeds, 403 `50013 Missing Permissions`, where the bot lacks Embed Links: for
 * channel messages (create and edit) and for interaction responses, whose `app_permissions` are the bot's
 * in that channel. DMs always allow embeds.
 */
export function requireEmbedLinksFor(world: World, channelId: Snowflake, payload: Json): void {
  const embeds = payload['embeds'];
  if (!Array.isArray(embeds) || embeds.length === 0) return;
  if (typeof world.channels.get(channelId)?.['guild_id'] !== 'string') return;
  if (!hasPermissions(world.botPermissionsIn(channelId), Permission.EmbedLinks))
    throw discordErrors.missingPermissions();
}
