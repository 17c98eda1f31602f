/**
 * `npm run start:sharded`: runs the bot under discord.js's ShardingManager, with the explicit shard count
 * from DISCORD_SHARD_COUNT. Each shard is a child process running `main.ts`; `/reload` on any shard reaches
 * all of them.
 */
import { createLogger } from '../core/logger.js';
import { startShards, stopShards } from './sharding.js';
import { describeStartupFailure } from './describe-startup-failure.js';
import { readDiscordStartup } from './discord-startup.js';

async function runSharded(): Promise<number> {
  const startup = readDiscordStartup();
  if (startup === undefined) return 1;
  const { config, token } = startup;
  const logger = createLogger(config.logLevel);
  const { manager, ready } = startShards({ config, token, logger });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'stopping all shards');
    stopShards(manager);
    process.exit(0);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await ready;
  } catch (error) {
    stopShards(manager);
    throw error;
  }
  return 0;
}

runSharded().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(describeStartupFailure(error, 'Kizuna could not start its shards'));
    process.exit(1);
  },
);
