import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { messages } from '../../../src/core/language/messages.js';
import type { KizunaCore } from '../../../src/core/types.js';
import { botAnswerIn } from '../support/bot-answer.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { buttonIds, messageText } from '../support/message-text.js';
import { startRealCore, type RealCore } from '../../support/real-core.js';

const ja = messages('ja');
const REIWA_JA = '令和とはどういう意味ですか？';
/** The 2019 sheet's own English words, which a Japanese answer quotes verbatim. */
const REIWA_SENTENCE = /"Reiwa,"\s*which means "beautiful harmony\."/u;

let real: RealCore;
let env: BotOnSimulator<KizunaCore>;

beforeAll(async () => {
  real = await startRealCore();
  env = await startBotOnSimulator({ core: real.core, env: real.env });
}, 120_000);
afterAll(async () => {
  await env?.stop();
  await real?.dispose();
});

function bot(): BotOnSimulator<KizunaCore> {
  return env;
}

describe('GIVEN a Japanese user (Discord locale ja) asking /ask in Japanese', () => {
  it('THEN the answer has a Japanese lead-in, the English sentence, Sources labelled 出典 and 原文 [n] buttons', async () => {
    const { sim } = bot();
    const message = await sim
      .userRunsCommand({ name: 'ask', options: { question: REIWA_JA }, locale: 'ja' })
      .finalMessage();
    const text = messageText(message);
    expect(message.embeds[0]?.description).toMatch(/^ファクトシート/u);
    expect(text).toMatch(REIWA_SENTENCE);
    expect(message.embeds[0]?.fields?.[0]?.name).toBe('出典');
    expect(text).not.toMatch(/\bSources\b/u);
    const labels = message.components?.flatMap((row) =>
      'components' in row ? row.components.map((button) => ('label' in button ? button.label : '')) : [],
    );
    expect(labels?.[0]).toBe(ja.passageButton(1));

    const revealed = await sim
      .userClicksButton(message, buttonIds(message)[0]!, { locale: 'ja' })
      .finalMessage();
    expect(messageText(revealed)).toContain(ja.passageDate);
    expect(messageText(revealed)).toMatch(REIWA_SENTENCE);
  });

  it('THEN an English question from a Japanese locale is answered with Japanese labels too', async () => {
    const { sim } = bot();
    const message = await sim
      .userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' }, locale: 'ja' })
      .finalMessage();
    expect(message.embeds[0]?.fields?.[0]?.name).toBe('出典');
    expect(messageText(message)).toMatch(REIWA_SENTENCE);
  });

  it('THEN /sources is in Japanese', async () => {
    const { sim } = bot();
    const message = await sim.userRunsCommand({ name: 'sources', locale: 'ja' }).finalMessage();
    expect(message.embeds[0]?.title).toBe(ja.sourcesTitle);
  });

  it('THEN an admin command refused for lack of permission says so in Japanese', async () => {
    const { sim } = bot();
    const handle = sim.userRunsCommand({ name: 'status', locale: 'ja', memberPermissions: '0' });
    const message = await handle.finalMessage();
    expect(message.content).toBe(ja.adminOnly);
  });
});

describe('GIVEN a Japanese question by mention (no locale: the text decides)', () => {
  it('THEN the reply is in Japanese with 出典, and the thread welcome too', async () => {
    const { sim } = bot();
    const question = await sim.userSendsMessage({ content: REIWA_JA, mentionsBot: true });
    const answer = await botAnswerIn(sim, sim.defaultChannelId, question, 10_000);
    expect(answer.embeds[0]?.description).toMatch(/^ファクトシート/u);
    expect(messageText(answer)).toMatch(REIWA_SENTENCE);
    expect(answer.embeds[0]?.fields?.[0]?.name).toBe('出典');
    await sim.waitFor(
      () => sim.messages(answer.id).find((message) => message.content === ja.threadWelcome),
      5000,
      'the Japanese thread welcome',
    );
  });
});

describe('GIVEN an English user', () => {
  it('THEN /ask is unchanged: English labels, no language requested', async () => {
    const { sim } = bot();
    const message = await sim
      .userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' }, locale: 'en-US' })
      .finalMessage();
    expect(message.embeds[0]?.fields?.[0]?.name).toBe('Sources');
    expect(message.embeds[0]?.description).toMatch(REIWA_SENTENCE);
  });
});
