import { ChannelType, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { THREAD_WELCOME } from '../../../src/discord/conversation/handle-message.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { messageText } from '../support/message-text.js';

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator();
});
afterAll(async () => {
  await env?.stop();
});

/** Resolves with the bot's first answer (a message with an embed) in a channel after `afterId`. */
function botAnswerIn(channelId: string, after: APIMessage, timeoutMs = 5000): Promise<APIMessage> {
  return env.sim.waitFor(
    () =>
      env.sim
        .messages(channelId)
        .find(
          (message) =>
            message.author.id === env.sim.botUserId &&
            BigInt(message.id) > BigInt(after.id) &&
            message.embeds.length > 0,
        ),
    timeoutMs,
    `an answer from the bot in ${channelId}`,
  );
}

describe('mentioning the bot', () => {
  let question: APIMessage;
  let answer: APIMessage;

  beforeAll(async () => {
    question = await env.sim.userSendsMessage({
      content: 'what did the 2018 sheet say about trade?',
      mentionsBot: true,
    });
    answer = await botAnswerIn(env.sim.defaultChannelId, question);
  });

  it('answers the message as a reply, with markers and sources', () => {
    expect(answer.message_reference?.message_id).toBe(question.id);
    expect(messageText(answer)).toMatch(/\[1\]/u);
    expect(messageText(answer)).toMatch(/Sources/u);
    expect(env.core.asked.at(-1)).toEqual({
      question: 'what did the 2018 sheet say about trade?',
      history: [],
    });
  });

  it('continues in a thread started on its answer, and says follow-ups need no mention', async () => {
    const thread = await env.sim.waitFor(
      () => env.sim.threads().find((candidate) => candidate.id === answer.id),
      5000,
      'the thread',
    );
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect('owner_id' in thread && thread.owner_id).toBe(env.sim.botUserId);
    expect(thread.name).toContain('what did the 2018 sheet say about trade?');
    await env.sim.waitFor(
      () => env.sim.messages(thread.id).find((message) => message.content === THREAD_WELCOME),
      5000,
      'welcome',
    );
  });

  it('answers a later message in the thread without a mention, using the earlier turns as context', async () => {
    const followUp = await env.sim.userSendsMessage({
      channelId: answer.id,
      content: 'and what did the 2019 sheet say?',
    });
    const reply = await botAnswerIn(answer.id, followUp);
    expect(reply.message_reference?.message_id).toBe(followUp.id);
    expect(messageText(reply)).toMatch(/\[1\]/u);
    const asked = env.core.asked.at(-1)!;
    expect(asked.question).toBe('and what did the 2019 sheet say?');
    expect(asked.history).toEqual([
      { role: 'user', text: 'what did the 2018 sheet say about trade?' },
      { role: 'assistant', text: answer.embeds[0]!.description },
    ]);

    const third = await env.sim.userSendsMessage({ channelId: answer.id, content: 'and security?' });
    await botAnswerIn(answer.id, third);
    const history = env.core.asked.at(-1)!.history ?? [];
    expect(history.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(history[2]).toEqual({ role: 'user', text: 'and what did the 2019 sheet say?' });
  });
});

describe('replying to one of its messages', () => {
  it('counts as a follow-up, with the replied-to answer and its question as context', async () => {
    const question = await env.sim.userSendsMessage({
      content: 'tell me about the alliance',
      mentionsBot: true,
    });
    const answer = await botAnswerIn(env.sim.defaultChannelId, question);
    const reply = await env.sim.userSendsMessage({ content: 'and in 2019?', replyTo: answer });
    const second = await botAnswerIn(env.sim.defaultChannelId, reply);
    expect(second.message_reference?.message_id).toBe(reply.id);
    expect(env.core.asked.at(-1)).toEqual({
      question: 'and in 2019?',
      history: [
        { role: 'user', text: 'tell me about the alliance' },
        { role: 'assistant', text: answer.embeds[0]!.description },
      ],
    });
  });
});

describe('messages it leaves alone', () => {
  it('ignores ordinary chat, other bots, and threads it did not start unless mentioned', async () => {
    const askedBefore = env.core.asked.length;
    const otherBot = env.sim.createUser({ username: 'other-bot', bot: true });
    env.sim.addMember(env.sim.defaultGuildId, otherBot);
    const humanThread = env.sim.createChannel(env.sim.defaultGuildId, {
      type: ChannelType.PublicThread,
      parentId: env.sim.defaultChannelId,
      ownerId: env.sim.defaultUser.id,
    });
    await env.sim.userSendsMessage({ content: 'just chatting about lunch' });
    await env.sim.userSendsMessage({ content: 'hello', author: otherBot, mentionsBot: true });
    await env.sim.userSendsMessage({ channelId: humanThread.id, content: 'a thread of our own' });
    const mention = await env.sim.userSendsMessage({
      channelId: humanThread.id,
      content: 'what about trade?',
      mentionsBot: true,
    });
    const answer = await botAnswerIn(humanThread.id, mention);
    expect(answer.message_reference?.message_id).toBe(mention.id);
    expect(env.core.asked.length).toBe(askedBefore + 1);
    expect(env.sim.threads().filter((thread) => thread.id === answer.id)).toEqual([]);
  });

  it('answers a bare mention with a hint instead of asking the core', async () => {
    const askedBefore = env.core.asked.length;
    const mention = await env.sim.userSendsMessage({ content: '', mentionsBot: true });
    const hint = await env.sim.waitFor(
      () =>
        env.sim
          .messages(env.sim.defaultChannelId)
          .find((message) => message.message_reference?.message_id === mention.id),
      5000,
      'the hint',
    );
    expect(hint.content).toMatch(/Ask me something/u);
    expect(env.core.asked.length).toBe(askedBefore);
  });
});

describe('the whole conversation suite', () => {
  it('shows typing while answering and made no request Discord would reject', () => {
    expect(
      env.sim.requests.some((request) => request.method === 'POST' && request.path.endsWith('/typing')),
    ).toBe(true);
    expect(env.sim.unknownRequests).toEqual([]);
    expect(env.sim.requests.filter((request) => request.status >= 400)).toEqual([]);
  });
});

describe('after a restart', () => {
  it('still follows its threads, reading the earlier turns back from Discord', async () => {
    const question = await env.sim.userSendsMessage({ content: 'what about energy?', mentionsBot: true });
    const answer = await botAnswerIn(env.sim.defaultChannelId, question);
    await env.sim.waitFor(
      () => env.sim.threads().find((thread) => thread.id === answer.id),
      5000,
      'the thread',
    );
    await env.bot.stop();

    const restarted = await startBotOnSimulator({ existingSimulator: env.sim, registerCommands: false });
    try {
      const followUp = await env.sim.userSendsMessage({ channelId: answer.id, content: 'and in 2018?' });
      await botAnswerIn(answer.id, followUp);
      expect(restarted.core.asked).toEqual([
        {
          question: 'and in 2018?',
          history: [
            { role: 'user', text: 'what about energy?' },
            { role: 'assistant', text: answer.embeds[0]!.description },
          ],
        },
      ]);
    } finally {
      await restarted.stop();
    }
  });
});
