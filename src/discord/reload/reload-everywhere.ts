import type { Client } from 'discord.js';

import { isKizunaError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { KizunaCore } from '../../core/types.js';
import type { ShardReloadOutcome } from './shard-reload-outcome.js';

/**
 * Name of the per-process hook a sharded bot registers on `globalThis`: `broadcastEval` runs code in
 * each shard process, where only globals are reachable. (Keep in step with the literal in
 * {@link reloadOneShard}, which cannot close over this constant.)
 */
export const RELOAD_HOOK = '__kizunaReloadHook';

/** How long one shard may take to reload before it is reported as unreachable. @default 10 minutes */
export const SHARD_RELOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Returns the function behind `/reload`. Not sharded: reloads this process. Sharded: registers this
 * shard's hook and, when called, reloads every shard one after the other (they share the index folder,
 * so they must not write it at the same time), reporting each shard's outcome. Never rejects.
 */
export function createReloadEverywhere(
  client: Client,
  core: KizunaCore,
  logger: Logger,
): () => Promise<readonly ShardReloadOutcome[]> {
  const reloadHere = async (): Promise<ShardReloadOutcome> => {
    const shardIds = client.shard ? [...client.shard.ids] : [];
    try {
      const report = await core.reload();
      logger.info({ report, shardIds }, 'knowledge reloaded');
      return { shardIds, ok: true, report };
    } catch (error) {
      logger.warn({ err: error, shardIds }, 'reload failed; the previous knowledge keeps serving');
      return { shardIds, ok: false, error: describeReloadError(error) };
    }
  };

  const shard = client.shard;
  if (!shard) return async () => [await reloadHere()];

  (globalThis as Record<string, unknown>)[RELOAD_HOOK] = reloadHere;
  return async () => {
    const outcomes: ShardReloadOutcome[] = [];
    for (let shardId = 0; shardId < shard.count; shardId += 1) {
      outcomes.push(await reloadOneShard(client, shardId, logger));
    }
    return outcomes;
  };
}

async function reloadOneShard(client: Client, shardId: number, logger: Logger): Promise<ShardReloadOutcome> {
  const shard = client.shard;
  if (!shard) return { shardIds: [shardId], ok: false, error: 'not running under a sharding manager' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${SHARD_RELOAD_TIMEOUT_MS} ms`)),
      SHARD_RELOAD_TIMEOUT_MS,
    );
  });
  try {
    // Serialised and evaluated inside the shard's process: only globals are reachable there.
    // The context makes each request unique, so concurrent reloads do not pick up each other's answers.
    const evaluation = shard.broadcastEval(
      async (_client, context: { shardId: number; requestId: string }) => {
        const hook = (globalThis as Record<string, unknown>)['__kizunaReloadHook'];
        if (typeof hook !== 'function') {
          return {
            shardIds: [context.shardId],
            ok: false,
            error: 'this shard has no reload hook (still starting?)',
          };
        }
        return await (hook as () => unknown)();
      },
      { shard: shardId, context: { shardId, requestId: `${Date.now()}-${Math.random()}` } },
    );
    return toOutcome(await Promise.race([evaluation, timeout]), shardId);
  } catch (error) {
    logger.warn({ err: error, shardId }, 'could not reach a shard to reload it');
    return { shardIds: [shardId], ok: false, error: `shard ${shardId} could not be reached` };
  } finally {
    clearTimeout(timer);
  }
}

function toOutcome(value: unknown, shardId: number): ShardReloadOutcome {
  if (typeof value === 'object' && value !== null && 'ok' in value) return value as ShardReloadOutcome;
  return { shardIds: [shardId], ok: false, error: 'the shard gave no reload report' };
}

/** Why a reload failed, in words fit for an admin: a `KizunaError`'s message, else a generic line. */
export function describeReloadError(error: unknown): string {
  if (isKizunaError(error)) return error.message;
  return 'an unexpected error (details are in the logs)';
}
