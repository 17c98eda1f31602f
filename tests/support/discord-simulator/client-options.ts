import type { IIdentifyThrottler } from 'discord.js';

/**
 * discord.js (via @discordjs/ws) waits 5 s between two IDENTIFYs of the same bucket, as Discord
 * requires. Against the simulator that only slows tests that re-identify (INVALID_SESSION) or run
 * several shards in one client, so tests may pass this as `new Client({ ws: noIdentifyThrottle })`.
 */
export const noIdentifyThrottle = {
  buildIdentifyThrottler: (): IIdentifyThrottler => ({ waitForIdentify: async () => undefined }),
};
