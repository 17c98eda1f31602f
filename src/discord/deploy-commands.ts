/**
 * `npm run deploy-commands`: registers the slash commands once (never at start-up). One server when
 * DISCORD_GUILD_ID is set, globally otherwise (global changes can take a while to show up).
 */
import { ConfigError, loadConfig, type Config } from '../config/load-config.js';
import { createLogger } from '../core/logger.js';
import { registerCommands } from './register-commands.js';
import { MISSING_TOKEN_MESSAGE } from './startup-messages.js';

async function deploy(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const token = config.discord.token;
  if (!token) {
    console.error(MISSING_TOKEN_MESSAGE);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  const result = await registerCommands({ config, token, logger });
  const where = result.guildId
    ? `in server ${result.guildId}`
    : 'globally (may take a while to appear everywhere)';
  console.log(
    `Registered ${result.commandNames.map((name) => `/${name}`).join(', ')} ${where} for application ${result.applicationId}.`,
  );
  return 0;
}

deploy().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
