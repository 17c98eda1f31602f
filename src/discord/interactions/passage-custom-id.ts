import { DiscordLimits } from '../presentation/discord-limits.js';

/** Prefix of the custom id of a "show the exact passage" button. */
const PASSAGE_PREFIX = 'passage:';

/**
 * Custom id of a button that reveals one passage. The passage id itself is encoded (not an index into
 * something in memory), so the button keeps working after a restart. Undefined when it would not fit
 * Discord's 100-character limit; the caller then simply shows no button.
 */
export function passageCustomId(passageId: string): string | undefined {
  const customId = PASSAGE_PREFIX + passageId;
  return customId.length <= DiscordLimits.customId ? customId : undefined;
}

/** The passage id in a custom id made by {@link passageCustomId}, or undefined for any other custom id. */
export function passageIdFromCustomId(customId: string): string | undefined {
  if (!customId.startsWith(PASSAGE_PREFIX)) return undefined;
  const passageId = customId.slice(PASSAGE_PREFIX.length);
  return passageId.length > 0 ? passageId : undefined;
}
