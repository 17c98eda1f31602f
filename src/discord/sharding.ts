import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ShardingManager } from 'discord.js';

import type { DiscordConfig } from '../config/load-discord-config.js';
import type { Logger } from '../core/logger.js';

/** What {@link startShards} needs, and the knobs tests turn. */
export interface StartShardsOptions {
  readonly config: DiscordConfig;
  readonly token: string;
  readonly logger: Logger;
  /** Entry point each shard process runs. @default `main.ts` next to this file */
  readonly file?: string;
  /** Extra environment for the shard processes (tests point them at a simulator this way). */
  readonly shardEnv?: Readonly<Record<string, string>>;
  /** Pause between launching two shards; Discord allows one IDENTIFY per 5 s per bucket. @default 5500 */
  readonly spawnDelayMs?: number;
  /** How long one shard may take to become ready (building the index on first run included). @default 600000 */
  readonly spawnTimeoutMs?: number;
}

/** A sharding manager and the promise that all its shards are up. */
export interface RunningShards {
  readonly manager: ShardingManager;
  /** Resolves once every shard is ready; rejects if one fails to start. */
  readonly ready: Promise<void>;
}

/**
 * Runs the bot under discord.js's ShardingManager with exactly `DISCORD_SHARD_COUNT` shards (never 'auto'),
 * each a child process running the entry point beside this file: compiled `main.js` under `npm run
 * start:sharded`, or `main.ts` through tsx in development. Returns at once, so the caller can stop the
 * shards even while they are still starting.
 */
export function startShards(options: StartShardsOptions): RunningShards {
  const { config, logger } = options;
  const file = options.file ?? defaultShardEntry();
  const manager = new ShardingManager(file, {
    token: options.token,
    totalShards: config.discord.shardCount,
    mode: 'process',
    execArgv: file.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard) => {
    // The shard has not been spawned yet: its environment can still be extended.
    if (options.shardEnv) Object.assign(shard.env as Record<string, unknown>, options.shardEnv);
    logger.info({ shardId: shard.id, totalShards: manager.totalShards }, 'shard launched');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
  });
  const ready = manager
    .spawn({
      amount: config.discord.shardCount,
      delay: options.spawnDelayMs ?? 5500,
      timeout: options.spawnTimeoutMs ?? 600_000,
    })
    .then(() => logger.info({ shards: manager.shards.size }, 'all shards ready'));
  return { manager, ready };
}

/** Stops every shard process (they are not respawned). */
export function stopShards(manager: ShardingManager): void {
  for (const shard of manager.shards.values()) shard.kill();
}

/** `main.js` next to compiled code, `main.ts` next to source run by tsx. */
function defaultShardEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return join(dirname(self), self.endsWith('.ts') ? 'main.ts' : 'main.js');
}
