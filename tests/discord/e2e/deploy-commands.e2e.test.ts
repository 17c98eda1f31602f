import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../../src/config/load-discord-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { registerCommands } from '../../../src/discord/register-commands.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../support/discord-simulator/index.js';
import { startBotOnSimulator } from '../support/bot-on-simulator.js';
import { runNpmScript } from '../support/run-script.js';

let sim: DiscordSimulator;
beforeAll(async () => {
  sim = await startDiscordSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const EXPECTED = ['ask', 'gaps', 'privacy', 'quote', 'reload', 'settings', 'sources', 'status'];

describe('registering the slash commands', () => {
  it('registers in one server when DISCORD_GUILD_ID is set, with Japanese localisations', async () => {
    const config = loadDiscordConfig({
      DISCORD_API_BASE_URL: sim.restUrl,
      DISCORD_GUILD_ID: sim.defaultGuildId,
    });
    const result = await registerCommands({ config, token: sim.token, logger: silentLogger });
    expect(result).toMatchObject({ applicationId: sim.applicationId, guildId: sim.defaultGuildId });
    const registered = sim.commands(sim.defaultGuildId);
    expect(registered.map((command) => command.name).sort()).toEqual(EXPECTED);
    expect(registered.find((command) => command.name === 'ask')?.name_localizations).toEqual({ ja: '質問' });
    expect(sim.commands()).toEqual([]);
  });

  it('registers globally otherwise, asking Discord for the application id', async () => {
    const asked = (): number =>
      sim.requests.filter((request) => request.method === 'GET' && request.path === '/applications/@me')
        .length;
    const before = asked();
    const config = loadDiscordConfig({ DISCORD_API_BASE_URL: sim.restUrl });
    await registerCommands({ config, token: sim.token, logger: silentLogger });
    expect(
      sim
        .commands()
        .map((command) => command.name)
        .sort(),
    ).toEqual(EXPECTED);
    expect(asked()).toBe(before + 1);
  });

  it('uses DISCORD_APPLICATION_ID without asking when it is set', async () => {
    const before = sim.requests.filter((request) => request.path === '/applications/@me').length;
    const config = loadDiscordConfig({
      DISCORD_API_BASE_URL: sim.restUrl,
      DISCORD_APPLICATION_ID: sim.applicationId,
    });
    await registerCommands({ config, token: sim.token, logger: silentLogger });
    expect(sim.requests.filter((request) => request.path === '/applications/@me').length).toBe(before);
  });

  it('works as `npm run deploy-commands`', async () => {
    const result = await runNpmScript('deploy-commands', {
      DISCORD_TOKEN: sim.token,
      DISCORD_API_BASE_URL: sim.restUrl,
      DISCORD_GUILD_ID: sim.defaultGuildId,
      DISCORD_APPLICATION_ID: '',
      LOG_LEVEL: 'silent',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /Registered \/ask, \/quote, \/sources, \/reload, \/status, \/gaps, \/settings, \/privacy in server/u,
    );
  });

  it('GIVEN a wrong or revoked token (HTTP 401) THEN it names DISCORD_TOKEN, says how to fix it, and never prints the token', async () => {
    const wrongToken = `${sim.token.slice(0, -6)}revokd`;
    const result = await runNpmScript('deploy-commands', {
      DISCORD_TOKEN: wrongToken,
      DISCORD_API_BASE_URL: sim.restUrl,
      DISCORD_GUILD_ID: '',
      DISCORD_APPLICATION_ID: '',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Discord rejected the bot token in DISCORD_TOKEN');
    expect(result.stderr).toContain('Reset Token');
    expect(result.stderr).toContain('.env as DISCORD_TOKEN=');
    expect(result.stderr).not.toContain(wrongToken);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(sim.requests.some((request) => request.auth === 'invalid' && request.status === 401)).toBe(true);
  });

  it('is never done by the bot at start-up', async () => {
    const local = await startBotOnSimulator({ registerCommands: false });
    try {
      expect(local.sim.requests.filter((request) => request.path.includes('/commands'))).toEqual([]);
    } finally {
      await local.stop();
    }
  });
});
