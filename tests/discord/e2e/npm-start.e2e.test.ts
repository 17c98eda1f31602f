import { spawn, type ChildProcess } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../../src/config/load-discord-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { registerCommands } from '../../../src/discord/register-commands.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../support/discord-simulator/index.js';
import { messageText } from '../support/message-text.js';
import { startRealCore, type RealCore } from '../../support/real-core.js';
import { childEnv, REPO_ROOT, runNpmScript, stopChild } from '../support/run-script.js';

describe('npm start without a token', () => {
  it('exits non-zero saying what to set, where, and how to try Kizuna without Discord', async () => {
    const result = await runNpmScript('start', { DISCORD_TOKEN: '', LOG_LEVEL: 'silent' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DISCORD_TOKEN');
    expect(result.stderr).toContain('.env.example');
    expect(result.stderr).toContain('npm run chat');
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });
});

describe('npm start with a malformed Discord setting', () => {
  it('GIVEN DISCORD_APPLICATION_ID=123 THEN it exits non-zero saying a Discord id has 17–20 digits', async () => {
    const result = await runNpmScript('start', {
      DISCORD_TOKEN: 'not-checked-before-the-settings',
      DISCORD_APPLICATION_ID: '123',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      'DISCORD_APPLICATION_ID: must be a Discord id of 17–20 digits (a snowflake',
    );
    expect(result.stderr).not.toContain('not-checked-before-the-settings');
  });

  it('GIVEN DISCORD_SHARD_COUNT=0 THEN start:sharded names the variable', async () => {
    const result = await runNpmScript('start:sharded', {
      DISCORD_TOKEN: 'x',
      DISCORD_SHARD_COUNT: '0',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DISCORD_SHARD_COUNT: /u);
  });
});

describe('npm start with a wrong or revoked token', () => {
  it('GIVEN Discord answers 401 ("An invalid token was provided") THEN it names DISCORD_TOKEN and what to do', async () => {
    const sim = await startDiscordSimulator();
    const wrongToken = `${sim.token.slice(0, -6)}revokd`;
    try {
      const result = await runNpmScript('start', {
        DISCORD_TOKEN: wrongToken,
        DISCORD_API_BASE_URL: sim.restUrl,
        DISCORD_GUILD_ID: '',
        DISCORD_APPLICATION_ID: '',
        LOG_LEVEL: 'silent',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Discord rejected the bot token in DISCORD_TOKEN');
      expect(result.stderr).toContain('Reset Token');
      expect(result.stderr).not.toContain('An invalid token was provided');
      expect(result.stderr).not.toContain(wrongToken);
      expect(sim.requests.some((request) => request.path === '/gateway/bot' && request.status === 401)).toBe(
        true,
      );
    } finally {
      await sim.stop();
    }
  }, 120_000);
});

describe('npm start against the simulator', () => {
  let real: RealCore;
  let sim: DiscordSimulator;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    // Builds the index once here, so the bot process only loads it.
    real = await startRealCore();
    sim = await startDiscordSimulator();
    await registerCommands({
      config: loadDiscordConfig({ DISCORD_API_BASE_URL: sim.restUrl, DISCORD_GUILD_ID: sim.defaultGuildId }),
      token: sim.token,
      logger: silentLogger,
    });
    child = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv({
        ...real.env,
        DISCORD_TOKEN: sim.token,
        DISCORD_API_BASE_URL: sim.restUrl,
        DISCORD_GUILD_ID: '',
        DISCORD_APPLICATION_ID: '',
        ASK_COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
      }),
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await sim.waitForShardReady(0, 60_000).catch((error: unknown) => {
      throw new Error(`the bot did not connect: ${String(error)}\n${output}`);
    });
  }, 120_000);

  afterAll(async () => {
    if (child) await stopChild(child);
    await sim?.stop();
    await real?.dispose();
  });

  function running(): DiscordSimulator {
    return sim;
  }

  const cited = (text: string): void => {
    expect(text).toMatch(/\[\d+\]/u);
    expect(text).toMatch(/Sources\n\[\d+\] \*.+\* — .+ — .+/u);
  };

  it('answers /ask with a cited answer', async () => {
    const sim = running();
    const run = sim.userRunsCommand({
      name: 'ask',
      options: { question: 'What did the 2019 fact sheet say about trade?' },
    });
    cited(messageText(await run.finalMessage({ timeoutMs: 20_000 })));
  });

  it('answers a mention, then a follow-up in its thread, with cited answers', async () => {
    const sim = running();
    const question = await sim.userSendsMessage({
      content: 'What did the 2019 fact sheet say about trade?',
      mentionsBot: true,
    });
    const answer = await sim.waitFor(
      () =>
        sim
          .messages(sim.defaultChannelId)
          .find(
            (message) => message.message_reference?.message_id === question.id && message.embeds.length > 0,
          ),
      20_000,
      'the answer to the mention',
    );
    cited(messageText(answer));
    await sim.waitFor(() => sim.threads().find((thread) => thread.id === answer.id), 10_000, 'the thread');
    const followUp = await sim.userSendsMessage({
      channelId: answer.id,
      content: 'and what did the 2018 sheet say?',
    });
    const second = await sim.waitFor(
      () =>
        sim
          .messages(answer.id)
          .find(
            (message) => message.message_reference?.message_id === followUp.id && message.embeds.length > 0,
          ),
      20_000,
      'the follow-up answer',
    );
    cited(messageText(second));
  });

  it('logs structured JSON, never the token, and stops cleanly on SIGTERM', async () => {
    running();
    await stopChild(child!);
    expect(child!.exitCode === 0 || child!.signalCode === 'SIGTERM').toBe(true);
    expect(output).not.toContain(sim.token);
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(lines.some((line) => (JSON.parse(line) as { msg?: string }).msg === 'connected to Discord')).toBe(
      true,
    );
  });
});
