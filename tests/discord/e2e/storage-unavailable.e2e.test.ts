import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { buttonIds, messageText } from '../support/message-text.js';

const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator({
    bot: { storageProblem: 'database migrations could not run: connect ECONNREFUSED 127.0.0.1:5432' },
  });
});
afterAll(async () => {
  await env?.stop();
});

describe('GIVEN storage that could not be opened at start', () => {
  it('THEN questions are still answered, without feedback buttons', async () => {
    const answer = await env.sim
      .userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } })
      .finalMessage();
    expect(messageText(answer)).toContain('[1]');
    expect(buttonIds(answer).some((id) => id.startsWith('feedback:'))).toBe(false);
  });

  it('THEN /status says storage is failing and why', async () => {
    const text = messageText(
      await env.sim.userRunsCommand({ name: 'status', memberPermissions: MANAGE_SERVER }).finalMessage(),
    );
    expect(text).toMatch(/Storage\n.*FAILING: database migrations could not run: connect ECONNREFUSED/u);
  });

  it('THEN /gaps, /settings and /privacy say storage is unavailable, privately', async () => {
    for (const run of [
      env.sim.userRunsCommand({ name: 'gaps', memberPermissions: MANAGE_SERVER }),
      env.sim.userRunsCommand({ name: 'settings', subcommand: 'show', memberPermissions: MANAGE_SERVER }),
      env.sim.userRunsCommand({ name: 'privacy', subcommand: 'delete' }),
    ]) {
      expect(messageText(await run.finalMessage())).toMatch(/storage isn't available right now/u);
      expect(run.isEphemeral()).toBe(true);
    }
  });
});
