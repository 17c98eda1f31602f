/**
 * `npm run deploy-commands`: registers the slash commands once (never at start-up). One server when
 * DISCORD_GUILD_ID is set, globally otherwise (global changes can take a while to show up).
 */
import { createLogger } from '../core/logger.js';
import { registerCommands } from './register-commands.js';
import { describeStartupFailure } from './describe-startup-failure.js';
import { readDiscordStartup } from './discord-startup.js';

async function deploy(): Promise<number> {
  const startup = readDiscordStartup();
  if (startup === undefined) return 1;
  const { config, token } = startup;
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
    console.error(describeStartupFailure(error, 'Could not register the commands'));
    process.exitCode = 1;
  },
);
