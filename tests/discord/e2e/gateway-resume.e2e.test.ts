import { InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore } from '../../support/fake-core.js';
import { messageText } from '../support/message-text.js';

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator({ core: createFakeCore({ askDelayMs: 1000 }), bot: { deferAfterMs: 100 } });
});
afterAll(async () => {
  await env?.stop();
});

describe('a gateway disconnect during a question', () => {
  it('resumes the session and answers the /ask in flight exactly once', async () => {
    const run = env.sim.userRunsCommand({ name: 'ask', options: { question: 'What about the disconnect?' } });
    expect((await run.awaitResponse(2000)).callbackType).toBe(
      InteractionResponseType.DeferredChannelMessageWithSource,
    );
    const resumesBefore = env.sim.resumes.length;
    await env.sim.disconnectShard(0, { resumable: true });

    const message = await run.finalMessage({ timeoutMs: 10_000, settleMs: 300 });
    await env.sim.waitFor(() => env.sim.resumes.length > resumesBefore || undefined, 10_000, 'a RESUME');
    expect(env.sim.resumes.at(-1)).toMatchObject({ shardId: 0, resumed: true });
    expect(messageText(message)).toMatch(/\[1\]/u);
    expect(run.responses.map((response) => response.kind)).toEqual(['callback', 'edit-original']);
    expect(
      env.core.asked.filter((request) => request.question === 'What about the disconnect?'),
    ).toHaveLength(1);
  });

  it('answers a mention sent while disconnected once, after the missed events are replayed', async () => {
    const resumesBefore = env.sim.resumes.length;
    await env.sim.disconnectShard(0, { resumable: true });
    const mention = await env.sim.userSendsMessage({
      content: 'asked while you were away?',
      mentionsBot: true,
    });
    await env.sim.waitFor(() => env.sim.resumes.length > resumesBefore || undefined, 10_000, 'a RESUME');
    expect(env.sim.resumes.at(-1)?.replayed).toBeGreaterThanOrEqual(1);

    const replies = (): unknown[] =>
      env.sim
        .messages(env.sim.defaultChannelId)
        .filter((message) => message.message_reference?.message_id === mention.id);
    await env.sim.waitFor(() => replies().length > 0 || undefined, 10_000, 'the reply');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a duplicate to show up, if there were one
    expect(replies()).toHaveLength(1);
    expect(
      env.core.asked.filter((request) => request.question === 'asked while you were away?'),
    ).toHaveLength(1);
  });

  it('made no request Discord would reject', () => {
    expect(env.sim.requests.filter((request) => request.status >= 400)).toEqual([]);
    expect(env.sim.unknownRequests).toEqual([]);
  });
});
