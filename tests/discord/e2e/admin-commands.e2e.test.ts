import { PermissionFlagsBits, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore, FAKE_REPORT } from '../../support/fake-core.js';
import { messageText } from '../support/message-text.js';

const ADMIN_ROLE = '333333333333333333';
const ADMIN_USER = '222222222222222222';
const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);
const ADMINISTRATOR = String(PermissionFlagsBits.Administrator);

let env: BotOnSimulator;
let listedAdmin: APIUser;
beforeAll(async () => {
  env = await startBotOnSimulator({ env: { ADMIN_ROLE_IDS: ADMIN_ROLE, ADMIN_USER_IDS: ADMIN_USER } });
  env.sim.createRole(env.sim.defaultGuildId, { id: ADMIN_ROLE, name: 'kizuna-admins' });
  listedAdmin = env.sim.createUser({ id: ADMIN_USER, username: 'listed-admin' });
  env.sim.addMember(env.sim.defaultGuildId, listedAdmin);
});
afterAll(async () => {
  await env?.stop();
});

describe('/status', () => {
  it('shows an admin the fingerprint, counts, models, uptime, last reload and counters, privately', async () => {
    await env.sim.userRunsCommand({ name: 'ask', options: { question: 'Count me?' } }).finalMessage();
    const run = env.sim.userRunsCommand({ name: 'status', memberPermissions: MANAGE_SERVER });
    const text = messageText(await run.finalMessage());
    expect(run.isEphemeral()).toBe(true);
    const status = env.core.status();
    expect(text).toContain(status.fingerprint.slice(0, 12));
    expect(text).toContain(status.embedder);
    expect(text).toContain(status.answerer);
    expect(text).toMatch(/Passages\n3/u);
    expect(text).toMatch(/Quotations\n2/u);
    expect(text).toMatch(/Uptime/u);
    expect(text).toMatch(/Last reload/u);
    expect(text).toMatch(/Questions answered\n[1-9]/u);
    expect(text).toMatch(/Questions refused\n0/u);
  });

  it('is allowed for Administrator, a listed role and a listed user', async () => {
    const runs = [
      env.sim.userRunsCommand({ name: 'status', memberPermissions: ADMINISTRATOR }),
      env.sim.userRunsCommand({ name: 'status', memberPermissions: '0', roles: [ADMIN_ROLE] }),
      env.sim.userRunsCommand({ name: 'status', user: listedAdmin, memberPermissions: '0' }),
    ];
    for (const run of runs) expect(messageText(await run.finalMessage())).toMatch(/Kizuna status/u);
  });

  it('politely and privately refuses a member without admin rights, even if the server shows them the command', async () => {
    const run = env.sim.userRunsCommand({
      name: 'status',
      memberPermissions: String(PermissionFlagsBits.SendMessages),
    });
    const message = await run.finalMessage();
    expect(run.isEphemeral()).toBe(true);
    expect(message.content).toMatch(/sorry.*server admins/iu);
    expect(message.embeds).toEqual([]);
  });

  it('refuses admin commands in direct messages', async () => {
    for (const name of ['status', 'reload']) {
      const run = env.sim.userRunsCommand({ name, dm: true });
      const message = await run.finalMessage();
      expect(run.isEphemeral()).toBe(true);
      expect(message.content).toMatch(/direct messages/u);
    }
    expect(env.core.reloadCalls).toBe(0);
  });
});

describe('/reload', () => {
  it('refuses a non-admin without reloading', async () => {
    const run = env.sim.userRunsCommand({ name: 'reload' });
    expect((await run.finalMessage()).content).toMatch(/server admins/u);
    expect(env.core.reloadCalls).toBe(0);
  });

  it('rebuilds and reports what changed and how long it took, privately', async () => {
    const run = env.sim.userRunsCommand({ name: 'reload', memberPermissions: MANAGE_SERVER });
    const text = messageText(await run.finalMessage());
    expect(run.isEphemeral()).toBe(true);
    expect(env.core.reloadCalls).toBe(1);
    expect(text).toMatch(/Knowledge reloaded/u);
    expect(text).toContain(`Added ${FAKE_REPORT.added}`);
    expect(text).toMatch(/Took 1\.2 s/u);
  });

  it('reports a failed reload with its reason, and the old knowledge keeps answering', async () => {
    const failing = createFakeCore({
      reloadError: new KizunaError('RELOAD_FAILED', 'knowledge/2019.md line 4: missing title'),
    });
    const local = await startBotOnSimulator({ core: failing });
    try {
      const run = local.sim.userRunsCommand({ name: 'reload', memberPermissions: MANAGE_SERVER });
      const text = messageText(await run.finalMessage());
      expect(text).toMatch(/previous knowledge is still serving/u);
      expect(text).toContain('knowledge/2019.md line 4: missing title');
      const ask = local.sim.userRunsCommand({ name: 'ask', options: { question: 'Still there?' } });
      expect(messageText(await ask.finalMessage())).toMatch(/\[1\]/u);
    } finally {
      await local.stop();
    }
  });

  it('does not reveal the details of an unexpected reload failure', async () => {
    const failing = createFakeCore({ reloadError: new Error('ENOENT /secret/path at Object.<anonymous>') });
    const local = await startBotOnSimulator({ core: failing });
    try {
      const text = messageText(
        await local.sim.userRunsCommand({ name: 'reload', memberPermissions: MANAGE_SERVER }).finalMessage(),
      );
      expect(text).toMatch(/unexpected error/u);
      expect(text).not.toMatch(/secret|ENOENT|Object\./u);
    } finally {
      await local.stop();
    }
  });
});
