import { GatewayIntentBits, type ClientOptions } from 'discord.js';

import type { DiscordConfig } from '../config/load-discord-config.js';

/**
 * Only the intents Kizuna needs: guilds (channels, threads, roles), guild messages and message content
 * (privileged: enable it in the Developer Portal) to read questions addressed to it by mention or in its threads.
 */
export const KIZUNA_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * The client's options: minimal intents, mentions disabled client-wide (nothing the bot sends can ping
 * @everyone, @here, a role or a user), and the REST base URL from `DISCORD_API_BASE_URL` (the gateway URL
 * then comes from that server's `/gateway/bot`).
 */
export function createClientOptions(
  config: DiscordConfig,
  overrides: Partial<ClientOptions> = {},
): ClientOptions {
  return {
    intents: KIZUNA_INTENTS,
    allowedMentions: { parse: [], repliedUser: false },
    ...overrides,
    rest: { api: config.discord.apiBaseUrl, ...overrides.rest },
  };
}
