import { ConfigError } from '../config/load-config.js';
import { loadDiscordConfig, type DiscordConfig } from '../config/load-discord-config.js';
import { MISSING_TOKEN_MESSAGE } from './startup-messages.js';

/**
 * The first step of every Discord entry point (`npm start`, `start:sharded`, `deploy-commands`): read the
 * configuration with Discord's settings (validated here, and only here, so they never stop the CLI) and the
 * bot token. Prints what is wrong and returns undefined when either is missing or bad.
 */
export function readDiscordStartup(): { config: DiscordConfig; token: string } | undefined {
  let config: DiscordConfig;
  try {
    config = loadDiscordConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return undefined;
    }
    throw error;
  }
  const token = config.discord.token;
  if (!token) {
    console.error(MISSING_TOKEN_MESSAGE);
    return undefined;
  }
  return { config, token };
}
