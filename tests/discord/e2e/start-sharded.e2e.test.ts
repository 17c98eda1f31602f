import { spawn, type ChildProcess } from 'node:child_process';

import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../../src/config/load-discord-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { registerCommands } from '../../../src/discord/register-commands.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../support/discord-simulator/index.js';
import { messageText } from '../support/message-text.js';
import { startRealCore, type RealCore } from '../../support/real-core.js';
import { childEnv, REPO_ROOT, stopChild } from '../support/run-script.js';

/** `npm run start:sharded` with DISCORD_SHARD_COUNT=2: the real script, the real main.ts in each shard. */
describe('npm run start:sharded with two shards', () => {
  let real: RealCore;
  let sim: DiscordSimulator;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    real = await startRealCore();
    sim = await startDiscordSimulator({
      shardCount: 2,
      guilds: [{ name: 'Shard 0 guild' }, { name: 'Shard 1 guild' }],
    });
    sim.addMember(sim.guildIds[1]!, sim.defaultUser);
    await registerCommands({
      config: loadDiscordConfig({ DISCORD_API_BASE_URL: sim.restUrl }),
      token: sim.token,
      logger: silentLogger,
    });
    child = spawn('npm', ['run', 'start:sharded', '--silent'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        ...real.env,
        DISCORD_TOKEN: sim.token,
        DISCORD_API_BASE_URL: sim.restUrl,
        DISCORD_SHARD_COUNT: '2',
        DISCORD_GUILD_ID: '',
        ASK_COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
      }),
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    for (const shardId of [0, 1]) {
      await sim.waitForShardReady(shardId, 60_000).catch((error: unknown) => {
        throw new Error(`shard ${shardId} did not connect: ${String(error)}\n${output}`);
      });
    }
  }, 150_000);

  afterAll(async () => {
    if (child) await stopChild(child, 10_000);
    await sim?.stop();
    await real?.dispose();
  });

  function running(): DiscordSimulator {
    return sim;
  }

  it('runs two shard processes with the explicit count', () => {
    const sim = running();
    const identified = sim.identifies
      .filter((identify) => identify.tokenValid)
      .map((identify) => `${identify.shardId}/${identify.shardCount}`);
    expect(identified.sort()).toEqual(['0/2', '1/2']);
  });

  it('answers /ask in the guilds of both shards with cited answers', async () => {
    const sim = running();
    for (const guildId of sim.guildIds) {
      const run = sim.userRunsCommand({
        name: 'ask',
        guildId,
        options: { question: 'What did the 2019 fact sheet say about trade?' },
      });
      const text = messageText(await run.finalMessage({ timeoutMs: 20_000 }));
      expect(text).toMatch(/\[\d+\]/u);
      expect(text).toMatch(/Sources/u);
    }
  });

  it('reloads both shards from /reload on one', async () => {
    const sim = running();
    const run = sim.userRunsCommand({
      name: 'reload',
      guildId: sim.guildIds[0]!,
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    const text = messageText(await run.finalMessage({ timeoutMs: 60_000 }));
    expect(text).toMatch(/Knowledge reloaded/u);
    expect(text).toMatch(/Shard 0\nAdded/u);
    expect(text).toMatch(/Shard 1\nAdded/u);
  });
});
