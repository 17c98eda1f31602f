import { ConfigError, loadConfig, type Config } from '../config/load-config.js';
import { MISSING_TOKEN_MESSAGE } from './startup-messages.js';

/**
 * The first step of every Discord entry point (`npm start`, `start:sharded`, `deploy-commands`): read the
 * configuration and the bot token. Prints what is wrong and returns undefined when either is missing or bad.
 */
export function readDiscordStartup(): { config: Config; token: string } | undefined {
  let config: Config;
  try {
    config = loadConfig();
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
