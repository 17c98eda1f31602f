import { MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { citationLine } from '../../../src/discord/presentation/answer-message.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { defaultFakeAnswer } from '../../support/fake-core.js';
import { buttonIds } from '../support/message-text.js';

/** The fake core's answer to any question: its text and sources are what every plain reply must carry. */
const EXPECTED = defaultFakeAnswer({ question: 'x' });

let env: BotOnSimulator;
let channelId: string;
beforeAll(async () => {
  env = await startBotOnSimulator();
  // A channel where the bot may talk but not embed: the overwrite a moderator sets on it.
  channelId = env.sim.createChannel(env.sim.defaultGuildId, {
    name: 'no-embeds',
    permissionOverwrites: [{ id: env.sim.botUserId, type: 'member', deny: PermissionFlagsBits.EmbedLinks }],
  }).id;
  await env.sim.waitFor(() => env.bot.client.channels.cache.get(channelId), 5000, 'the channel in the cache');
}, 30_000);
afterAll(async () => {
  await env?.stop();
});

/** A plain-text answer: no embed, within 2,000 characters, with the answer's words, markers and sources. */
function expectPlainAnswer(message: APIMessage, question: string): void {
  expect(message.embeds).toEqual([]);
  expect(message.content.length).toBeLessThanOrEqual(2000);
  expect(message.content).toContain(`**${question}**`);
  expect(message.content).toContain(EXPECTED.text);
  for (const citation of EXPECTED.citations) expect(message.content).toContain(citationLine(citation));
  expect(buttonIds(message).length).toBe(EXPECTED.citations.length);
}

/** The bot's first message in `channel` after `after`. */
function botReplyIn(channel: string, after: APIMessage): Promise<APIMessage> {
  return env.sim.waitFor(
    () =>
      env.sim
        .messages(channel)
        .find((message) => message.author.id === env.sim.botUserId && BigInt(message.id) > BigInt(after.id)),
    5000,
    `the bot's reply in ${channel}`,
  );
}

describe('GIVEN a channel that denies Kizuna Embed Links', () => {
  it('WHEN someone runs /ask THEN the answer comes as plain text with its citations, not a 403', async () => {
    const question = 'What does Reiwa mean?';
    const run = env.sim.userRunsCommand({ name: 'ask', channelId, options: { question } });
    const reply = await run.finalMessage();
    expectPlainAnswer(reply, question);
    expect(run.responses.every((response) => response.status < 400)).toBe(true);
  });

  it('WHEN someone mentions Kizuna, then follows up in its thread THEN both answers are plain text', async () => {
    const question = await env.sim.userSendsMessage({
      channelId,
      content: 'what about trade?',
      mentionsBot: true,
    });
    const answer = await botReplyIn(channelId, question);
    expect(answer.message_reference?.message_id).toBe(question.id);
    expectPlainAnswer(answer, 'what about trade?');

    // The thread inherits the channel's overwrites, so its answers must be plain too.
    await env.sim.waitFor(
      () => env.sim.threads().find((thread) => thread.id === answer.id),
      5000,
      'the thread',
    );
    const followUp = await env.sim.userSendsMessage({ channelId: answer.id, content: 'and in 2019?' });
    const second = await env.sim.waitFor(
      () =>
        env.sim.messages(answer.id).find((message) => message.message_reference?.message_id === followUp.id),
      5000,
      'the follow-up answer',
    );
    expectPlainAnswer(second, 'and in 2019?');
  });

  it('WHEN someone runs /quote THEN the quotation and its source come as plain text', async () => {
    const quote = env.core.quote({ speaker: 'Abe' })!;
    const reply = await env.sim
      .userRunsCommand({ name: 'quote', channelId, options: { speaker: 'Abe' } })
      .finalMessage();
    expect(reply.embeds).toEqual([]);
    expect(reply.content.length).toBeLessThanOrEqual(2000);
    expect(reply.content).toContain(quote.quotation.text);
    expect(reply.content).toContain(quote.citation.title);
  });

  it('WHEN someone runs /sources THEN every fact sheet is listed as plain text', async () => {
    const reply = await env.sim.userRunsCommand({ name: 'sources', channelId }).finalMessage();
    expect(reply.embeds).toEqual([]);
    for (const source of env.core.sources()) expect(reply.content).toContain(source.title);
  });

  it('WHEN an admin runs /status THEN the status comes as plain text, still only for them', async () => {
    const run = env.sim.userRunsCommand({
      name: 'status',
      channelId,
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    const reply = await run.finalMessage();
    expect(reply.embeds).toEqual([]);
    expect(reply.content).toMatch(/Kizuna status/u);
    expect(reply.content).toContain(env.core.status().fingerprint.slice(0, 12));
    expect(reply.flags ?? 0).toBe(MessageFlags.Ephemeral);
  });

  it('THEN no request was refused and nothing was logged as an error', () => {
    expect(env.sim.requests.filter((request) => request.status === 403)).toEqual([]);
    expect(env.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('AND in a channel that allows embeds, answers still use them', async () => {
    const run = env.sim.userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } });
    expect((await run.finalMessage()).embeds.length).toBeGreaterThan(0);
  });
});
