import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GENERIC_FAILURE_NOTICE } from '../../../src/discord/interactions/user-notices.js';
import { startBotOnSimulator, sentMessageBodies, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore, defaultFakeAnswer, type FakeCore } from '../../support/fake-core.js';
import { buttonIds, messageText } from '../support/message-text.js';

const ROLE_ID = '444444444444444444';
const USER_ID = '555555555555555555';
/** Text a hostile user or a confused model might produce: every kind of mention. */
const HOSTILE = `@everyone @here <@&${ROLE_ID}> <@${USER_ID}>`;
const SECRET = 'database exploded at /srv/kizuna/secret.ts:42';

/** A fake core that echoes hostile text, throws on "explode", and whose sources and speakers break. */
function hostileCore(): FakeCore {
  const base = createFakeCore({
    answer: (request) => {
      if (request.question.includes('explode')) throw new Error(SECRET);
      return { ...defaultFakeAnswer(request), text: `${HOSTILE} look at this [1]` };
    },
  });
  return Object.assign(base, {
    sources: () => {
      throw new TypeError(`${SECRET} (sources)`);
    },
    speakers: () => {
      throw new Error(`${SECRET} (speakers)`);
    },
  });
}

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator({ core: hostileCore() });
  env.sim.createRole(env.sim.defaultGuildId, { id: ROLE_ID, name: 'everyone-in-disguise' });
  env.sim.addMember(env.sim.defaultGuildId, env.sim.createUser({ id: USER_ID, username: 'bystander' }));
});
afterAll(async () => {
  await env?.stop();
});

describe('mention suppression', () => {
  beforeAll(async () => {
    const ask = await env.sim
      .userRunsCommand({ name: 'ask', options: { question: `${HOSTILE} what about trade?` } })
      .finalMessage();
    await env.sim.userClicksButton(ask, buttonIds(ask)[0]!).finalMessage();
    await env.sim.userRunsCommand({ name: 'quote', options: { topic: HOSTILE } }).finalMessage();
    const mention = await env.sim.userSendsMessage({
      content: `${HOSTILE} and security?`,
      mentionsBot: true,
    });
    await env.sim.waitFor(
      () =>
        env.sim
          .messages(env.sim.defaultChannelId)
          .find((message) => message.message_reference?.message_id === mention.id),
      5000,
      'the reply to the mention',
    );
    await env.sim.waitFor(
      () => env.sim.threads().some((thread) => env.sim.messages(thread.id).length > 0) || undefined,
      5000,
      'the thread and its welcome',
    );
  });

  it('sends allowed_mentions with nothing allowed on every message payload', () => {
    const bodies = sentMessageBodies(env.sim);
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) {
      expect(body['allowed_mentions'], JSON.stringify(body).slice(0, 200)).toMatchObject({ parse: [] });
      const allowed = body['allowed_mentions'] as {
        users?: unknown[];
        roles?: unknown[];
        replied_user?: boolean;
      };
      expect(allowed.users ?? []).toEqual([]);
      expect(allowed.roles ?? []).toEqual([]);
      expect(allowed.replied_user ?? false).toBe(false);
    }
  });

  it('never lets @everyone, @here or a role mention render in what it sends', () => {
    for (const body of sentMessageBodies(env.sim)) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/@everyone|@here/u);
      expect(text).not.toContain(`<@&${ROLE_ID}>`);
    }
    for (const thread of env.sim.threads()) expect(thread.name).not.toMatch(/@everyone|@here/u);
  });

  it('pings nobody: Discord records no mentions on any of its messages', () => {
    const botMessages = [
      ...env.sim.messages(env.sim.defaultChannelId),
      ...env.sim.threads().flatMap((thread) => env.sim.messages(thread.id)),
    ].filter((message) => message.author.id === env.sim.botUserId);
    expect(botMessages.length).toBeGreaterThan(0);
    for (const message of botMessages) {
      expect(message.mention_everyone).toBe(false);
      expect(message.mention_roles).toEqual([]);
      expect(message.mentions).toEqual([]);
    }
  });
});

describe('the error boundary', () => {
  it('answers a failing /ask with a short private generic message, no stack trace, and logs it with context', async () => {
    const run = env.sim.userRunsCommand({ name: 'ask', options: { question: 'please explode' } });
    const message = await run.finalMessage();
    expect(run.isEphemeral()).toBe(true);
    expect(message.content).toBe(GENERIC_FAILURE_NOTICE);
    const logged = env.logs.find(
      (line) => line.level >= 50 && JSON.stringify(line).includes('database exploded'),
    );
    expect(logged).toMatchObject({
      interactionId: run.id,
      command: 'ask',
      userId: env.sim.defaultUser.id,
      guildId: env.sim.defaultGuildId,
    });
    expect((logged?.['err'] as { stack?: string }).stack).toContain('Error');
  });

  it('answers a handler that throws synchronously the same way', async () => {
    const run = env.sim.userRunsCommand({ name: 'sources' });
    const message = await run.finalMessage();
    expect(run.isEphemeral()).toBe(true);
    expect(message.content).toBe(GENERIC_FAILURE_NOTICE);
  });

  it('gives an autocomplete whose handler throws an empty list rather than hanging', async () => {
    await expect(
      env.sim.userAutocompletes({ name: 'quote', focusedOption: 'speaker', value: 'a' }),
    ).resolves.toEqual([]);
  });

  it('answers a failing mention with a generic reply, and keeps working afterwards', async () => {
    const failing = await env.sim.userSendsMessage({ content: 'explode please', mentionsBot: true });
    const reply = await env.sim.waitFor(
      () =>
        env.sim
          .messages(env.sim.defaultChannelId)
          .find((message) => message.message_reference?.message_id === failing.id),
      5000,
      'the reply',
    );
    expect(reply.content).toBe(GENERIC_FAILURE_NOTICE);

    const next = env.sim.userRunsCommand({ name: 'ask', options: { question: 'still alive?' } });
    expect(messageText(await next.finalMessage())).toMatch(/\[1\]/u);
  });

  it('never shows a user anything from the logs', () => {
    for (const body of sentMessageBodies(env.sim))
      expect(JSON.stringify(body)).not.toMatch(/exploded|secret|\.ts:\d+|TypeError/u);
    expect(env.sim.unknownRequests).toEqual([]);
  });
});
