/**
 * `npm start`: the Discord bot's composition root. Configuration → token check → logger → core → bot → login.
 * Under `npm run start:sharded` each shard process runs this same file.
 */
import { createKizuna } from '../core/create-kizuna.js';
import { createLogger } from '../core/logger.js';
import { CommunityStore } from '../storage/community-store.js';
import { createBot } from './create-bot.js';
import { describeStartupFailure } from './describe-startup-failure.js';
import { readDiscordStartup } from './discord-startup.js';

async function main(): Promise<number> {
  const startup = readDiscordStartup();
  if (startup === undefined) return 1;
  const { config, token } = startup;

  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  const core = await createKizuna({ config, logger });
  // Storage must never stop the bot: without it, answers carry on and /status says why.
  let storageProblem: string | undefined;
  const community = await CommunityStore.open(config.storage, logger).catch((error: unknown) => {
    storageProblem = error instanceof Error ? error.message : String(error);
    logger.error(
      { err: { message: storageProblem } },
      'storage could not be opened; running without feedback and settings',
    );
    return undefined;
  });
  community?.startRetentionJob();
  const bot = createBot({
    config,
    core,
    logger,
    ...(community ? { community } : {}),
    ...(storageProblem !== undefined ? { storageProblem } : {}),
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bot
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'error while disconnecting'))
      .then(() => community?.close())
      .catch((error: unknown) => logger.error({ err: error }, 'error while closing storage'))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // Started by a parent over IPC (a shard under the ShardingManager): stop when the parent goes away.
  if (process.send) process.once('disconnect', () => shutdown('parent process gone'));

  await bot.start(token);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(describeStartupFailure(error, 'Kizuna could not start'));
    process.exitCode = 1;
    // The client may hold the process open; a failed start must still end it.
    setTimeout(() => process.exit(1), 1000).unref();
  },
);
