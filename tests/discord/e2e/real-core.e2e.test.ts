import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { KizunaCore } from '../../../src/core/types.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { buttonIds, messageText } from '../support/message-text.js';
import { startRealCore, type RealCore } from '../../support/real-core.js';

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

/** Every `[n]` marker of the answer is listed under its Sources heading, with a title the core knows. */
function expectCitedAnswer(text: string, core: KizunaCore): void {
  const sourcesAt = text.indexOf('Sources');
  // Without the heading, slice(-1) would leave one character and every check below could pass by chance.
  expect(sourcesAt).toBeGreaterThan(0);
  const answer = text.slice(0, sourcesAt);
  const sources = text.slice(sourcesAt);
  const markers = [...answer.matchAll(/\[(\d+)\]/gu)].map((match) => match[1]);
  expect(markers.length).toBeGreaterThan(0);
  expect(core.sources().some((source) => sources.includes(source.title))).toBe(true);
  for (const marker of new Set(markers)) expect(sources).toContain(`[${marker}]`);
}

describe('Kizuna on Discord with the real core', () => {
  it('answers /ask with inline markers and the sources section, and reveals a passage verbatim', async () => {
    const { sim, core } = bot();
    const message = await sim
      .userRunsCommand({
        name: 'ask',
        options: { question: 'What did the 2019 fact sheet say about trade?' },
      })
      .finalMessage();
    expectCitedAnswer(messageText(message), core);
    const [first] = buttonIds(message);
    const revealed = await sim.userClicksButton(message, first!).finalMessage();
    const passageId = first!.slice('passage:'.length);
    expect(messageText(revealed)).toContain(core.citation(passageId)!.passage);
  });

  it('answers a mention and a follow-up in its thread with cited answers', async () => {
    const { sim, core } = bot();
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
      10_000,
      'the answer',
    );
    expectCitedAnswer(messageText(answer), core);
    await sim.waitFor(() => sim.threads().find((thread) => thread.id === answer.id), 5000, 'the thread');
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
      10_000,
      'the follow-up answer',
    );
    expectCitedAnswer(messageText(second), core);
  });

  it('quotes a speaker offered by autocomplete, with the citation', async () => {
    const { sim, core } = bot();
    const choices = await sim.userAutocompletes({ name: 'quote', focusedOption: 'speaker', value: '' });
    expect(choices.map((choice) => choice.value).sort()).toEqual([...core.speakers()].sort());
    const speaker = choices[0]!.value as string;
    const text = messageText(
      await sim.userRunsCommand({ name: 'quote', options: { speaker } }).finalMessage(),
    );
    expect(text).toContain(speaker);
    expect(core.sources().some((source) => text.includes(source.title))).toBe(true);
  });

  it('lists the real fact sheets, reports status, and reloads', async () => {
    const { sim, core } = bot();
    const sources = messageText(await sim.userRunsCommand({ name: 'sources' }).finalMessage());
    for (const source of core.sources()) expect(sources).toContain(`${source.passageCount} passages`);
    const admin = String(PermissionFlagsBits.ManageGuild);
    const status = messageText(
      await sim.userRunsCommand({ name: 'status', memberPermissions: admin }).finalMessage(),
    );
    expect(status).toContain(core.status().fingerprint.slice(0, 12));
    const reload = messageText(
      await sim
        .userRunsCommand({ name: 'reload', memberPermissions: admin })
        .finalMessage({ timeoutMs: 60_000 }),
    );
    expect(reload).toMatch(/Knowledge reloaded/u);
    expect(reload).toMatch(/\(unchanged\)/u);
    expect(sim.unknownRequests).toEqual([]);
  });
});
