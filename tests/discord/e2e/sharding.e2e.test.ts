import { fileURLToPath } from 'node:url';

import { PermissionFlagsBits, type ShardingManager } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../../src/config/load-discord-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { registerCommands } from '../../../src/discord/register-commands.js';
import { startShards, stopShards } from '../../../src/discord/sharding.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../support/discord-simulator/index.js';
import { messageText } from '../support/message-text.js';

const SHARD_ENTRY = fileURLToPath(new URL('../support/fake-shard-main.ts', import.meta.url));

let sim: DiscordSimulator;
let manager: ShardingManager | undefined;

beforeAll(async () => {
  sim = await startDiscordSimulator({
    shardCount: 2,
    guilds: [{ name: 'Guild on shard 0' }, { name: 'Guild on shard 1' }],
  });
  sim.addMember(sim.guildIds[1]!, sim.defaultUser);
  const env = {
    DISCORD_TOKEN: sim.token,
    DISCORD_API_BASE_URL: sim.restUrl,
    DISCORD_SHARD_COUNT: '2',
    ASK_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'warn',
  };
  const config = loadDiscordConfig(env);
  await registerCommands({ config, token: sim.token, logger: silentLogger });
  const running = startShards({
    config,
    token: sim.token,
    logger: silentLogger,
    file: SHARD_ENTRY,
    shardEnv: env,
    spawnDelayMs: 200,
    spawnTimeoutMs: 60_000,
  });
  manager = running.manager;
  await running.ready;
  await sim.waitForShardReady(0, 10_000);
  await sim.waitForShardReady(1, 10_000);
}, 90_000);

afterAll(async () => {
  if (manager) stopShards(manager);
  await sim?.stop();
});

describe('two shards under the ShardingManager', () => {
  it('identify as shards 0 and 1 of 2, each a process of its own', () => {
    const identified = sim.identifies
      .filter((identify) => identify.tokenValid)
      .map((identify) => [identify.shardId, identify.shardCount]);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = [...manager!.shards.values()].map((shard) => shard.process?.pid);
    expect(new Set(pids).size).toBe(2);
  });

  it('answer /ask in each guild from the shard that guild belongs to', async () => {
    for (const [index, guildId] of sim.guildIds.entries()) {
      expect(sim.shardForGuild(guildId)).toBe(index);
      const run = sim.userRunsCommand({ name: 'ask', guildId, options: { question: 'Which shard?' } });
      const text = messageText(await run.finalMessage({ timeoutMs: 10_000 }));
      expect(text).toContain(`Answered by shard ${index}.`);
      expect(text).toMatch(/Sources/u);
    }
  });

  it('reload every shard from /reload on one of them, reporting each', async () => {
    const guildId = sim.guildIds[1]!;
    const run = sim.userRunsCommand({
      name: 'reload',
      guildId,
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    const text = messageText(await run.finalMessage({ timeoutMs: 20_000 }));
    expect(text).toMatch(/Knowledge reloaded/u);
    expect(text).toMatch(/Shard 0\nAdded/u);
    expect(text).toMatch(/Shard 1\nAdded/u);
  });

  it('made no request Discord would reject', () => {
    expect(sim.requests.filter((request) => request.status >= 400)).toEqual([]);
    expect(sim.unknownRequests).toEqual([]);
  });
});
