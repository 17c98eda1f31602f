import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Answer, AskRequest } from '../../../src/core/types.js';
import { EmbedColors } from '../../../src/discord/presentation/outgoing-message.js';
import { botAnswerIn } from '../support/bot-answer.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore, defaultFakeAnswer, fakeCitation, FAKE_PASSAGES } from '../../support/fake-core.js';
import { buttonIds, messageText } from '../support/message-text.js';

const RELATED_QUESTION = 'When was the Alabama plant opened?';

/** The fake core's usual answer, except a `related` one (the closest passage) for one question. */
function answerFor(request: AskRequest): Answer {
  if (request.question !== RELATED_QUESTION) return defaultFakeAnswer(request);
  return {
    ...defaultFakeAnswer(request),
    answered: false,
    outcome: 'related',
    text: "The fact sheets don't say when. The closest they come: Toyota and Mazda are investing $1.6 billion. [1]",
    citations: [fakeCitation(FAKE_PASSAGES[0]!.id, 1)!],
  };
}

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator({ core: createFakeCore({ answer: answerFor }) });
}, 30_000);
afterAll(async () => {
  await env?.stop();
});

describe('GIVEN a message that mentions the bot through its managed role', () => {
  it('THEN it is answered exactly like a user mention, the role mention removed from the question', async () => {
    const roleMention = await env.sim.userSendsMessage({
      content: `<@&${env.sim.botRoleId()}> what does Reiwa mean?`,
    });
    const answer = await botAnswerIn(env.sim, env.sim.defaultChannelId, roleMention);
    expect(answer.message_reference?.message_id).toBe(roleMention.id);
    expect(env.core.asked.at(-1)).toEqual({ question: 'what does Reiwa mean?', history: [] });
    expect(answer.embeds[0]?.title).toBe('what does Reiwa mean?');
    await env.sim.waitFor(
      () => env.sim.threads().find((thread) => thread.id === answer.id),
      5000,
      'the thread',
    );
  });
});

describe('GIVEN a thread where another member asks an unrelated question', () => {
  let alicesAnswer: APIMessage;
  let bobsAnswer: APIMessage;

  beforeAll(async () => {
    const bob = env.sim.createUser({ username: 'bob' });
    env.sim.addMember(env.sim.defaultGuildId, bob);
    const question = await env.sim.userSendsMessage({
      content: 'what did the 2018 sheet say about trade?',
      mentionsBot: true,
    });
    alicesAnswer = await botAnswerIn(env.sim, env.sim.defaultChannelId, question);
    await env.sim.waitFor(
      () => env.sim.threads().find((thread) => thread.id === alicesAnswer.id),
      5000,
      'thread',
    );
    const bobsQuestion = await env.sim.userSendsMessage({
      channelId: alicesAnswer.id,
      author: bob,
      content: 'what about the F-35?',
    });
    bobsAnswer = await botAnswerIn(env.sim, alicesAnswer.id, bobsQuestion);
    expect(env.core.asked.at(-1)?.history).toEqual([]);
  });

  it("THEN the asker's follow-up carries only their own exchange, not the other member's", async () => {
    const followUp = await env.sim.userSendsMessage({ channelId: alicesAnswer.id, content: 'and in 2019?' });
    await botAnswerIn(env.sim, alicesAnswer.id, followUp);
    expect(env.core.asked.at(-1)).toEqual({
      question: 'and in 2019?',
      history: [
        { role: 'user', text: 'what did the 2018 sheet say about trade?' },
        { role: 'assistant', text: alicesAnswer.embeds[0]!.description },
      ],
    });
    expect(JSON.stringify(env.core.asked.at(-1))).not.toContain('F-35');
    expect(JSON.stringify(env.core.asked.at(-1))).not.toContain(bobsAnswer.embeds[0]!.description);
  });
});

describe('GIVEN a related answer (the closest passage, not an exact answer)', () => {
  it('THEN it is shown with its source and Passage [1] button, in the related colour', async () => {
    const handle = env.sim.userRunsCommand({ name: 'ask', options: { question: RELATED_QUESTION } });
    const message = await handle.finalMessage();
    expect(messageText(message)).toContain('The closest they come');
    expect(messageText(message)).toMatch(/Sources\n\[1\]/u);
    expect(message.embeds[0]?.color).toBe(EmbedColors.related);
    expect(buttonIds(message)).toHaveLength(1);
    const revealed = await env.sim.userClicksButton(message, buttonIds(message)[0]!).finalMessage();
    expect(messageText(revealed)).toContain(FAKE_PASSAGES[0]!.text);
  });
});

describe('GIVEN /ask from a user whose Discord language is Japanese', () => {
  it("THEN the core is asked for Japanese; an English user's request names no language", async () => {
    await env.sim
      .userRunsCommand({ name: 'ask', options: { question: 'trade?' }, locale: 'ja' })
      .finalMessage();
    expect(env.core.asked.at(-1)).toEqual({ question: 'trade?', language: 'ja' });
    await env.sim
      .userRunsCommand({ name: 'ask', options: { question: 'trade?' }, locale: 'en-GB' })
      .finalMessage();
    expect(env.core.asked.at(-1)).toEqual({ question: 'trade?' });
  });
});
