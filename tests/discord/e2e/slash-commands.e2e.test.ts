import { GatewayIntentBits, InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DiscordLimits } from '../../../src/discord/presentation/discord-limits.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore, defaultFakeAnswer, fakeCitation, FAKE_PASSAGES } from '../../support/fake-core.js';
import { buttonIds, messageText } from '../support/message-text.js';

/** Fake core answers: a very long one when the question says "everything", otherwise the default. */
const core = createFakeCore({
  answer: (request) =>
    request.question.includes('everything')
      ? {
          ...defaultFakeAnswer(request),
          text: 'The United States and Japan cooperate closely on trade, security and technology [1]. '.repeat(
            150,
          ),
        }
      : defaultFakeAnswer(request),
});

let env: BotOnSimulator;
beforeAll(async () => {
  env = await startBotOnSimulator({ core });
});
afterAll(async () => {
  await env?.stop();
});

describe('/ask', () => {
  it('answers at once with inline markers, a sources section and passage buttons', async () => {
    const run = env.sim.userRunsCommand({
      name: 'ask',
      options: { question: 'What did the sheets say about trade?' },
    });
    const message = await run.finalMessage();
    expect(run.responses[0]?.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(run.isEphemeral()).toBe(false);
    const text = messageText(message);
    expect(text).toContain('What did the sheets say about trade?');
    expect(text).toMatch(/\[1\]/u);
    expect(text).toMatch(/Sources/u);
    const citation = fakeCitation(FAKE_PASSAGES[0]!.id)!;
    expect(text).toContain(citation.title);
    expect(text).toContain(citation.displayDate);
    expect(text).toContain(citation.section);
    expect(buttonIds(message)).toHaveLength(2);
    expect(env.core.asked.at(-1)).toEqual({ question: 'What did the sheets say about trade?' });
  });

  it('shows the exact passage, privately, when its button is clicked', async () => {
    const message = await env.sim
      .userRunsCommand({ name: 'ask', options: { question: 'What about friendship?' } })
      .finalMessage();
    const [, second] = buttonIds(message);
    const click = env.sim.userClicksButton(message, second!);
    const revealed = await click.finalMessage();
    expect(click.isEphemeral()).toBe(true);
    const citation = fakeCitation(FAKE_PASSAGES[1]!.id)!;
    expect(messageText(revealed)).toContain(citation.passage);
    expect(messageText(revealed)).toContain(citation.title);
  });

  it('says politely when a clicked passage no longer exists', async () => {
    const fresh = createFakeCore();
    const local = await startBotOnSimulator({ core: fresh });
    try {
      const message = await local.sim
        .userRunsCommand({ name: 'ask', options: { question: 'q?' } })
        .finalMessage();
      const [first] = buttonIds(message);
      fresh.forgetPassage(FAKE_PASSAGES[0]!.id);
      const click = local.sim.userClicksButton(message, first!);
      expect(messageText(await click.finalMessage())).toMatch(/no longer in the current fact sheets/u);
      expect(click.isEphemeral()).toBe(true);
    } finally {
      await local.stop();
    }
  });

  it('defers when the answer takes a while, then edits in the answer', async () => {
    const local = await startBotOnSimulator({
      core: createFakeCore({ askDelayMs: 1200 }),
      bot: { deferAfterMs: 100 },
    });
    try {
      const run = local.sim.userRunsCommand({ name: 'ask', options: { question: 'A slow question?' } });
      const first = await run.awaitResponse(2000);
      expect(first.callbackType).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const message = await run.finalMessage();
      expect(messageText(message)).toMatch(/\[1\]/u);
      expect(run.responses.map((response) => response.kind)).toEqual(['callback', 'edit-original']);
      expect(run.responses.every((response) => response.status < 400)).toBe(true);
    } finally {
      await local.stop();
    }
  });

  it('splits a long answer into several messages Discord accepts, each within its limits', async () => {
    const run = env.sim.userRunsCommand({ name: 'ask', options: { question: 'Tell me everything' } });
    await run.finalMessage();
    await env.sim.waitFor(() => run.followUps().length > 0 || undefined, 5000, 'follow-up messages');
    expect(run.responses.every((response) => response.status < 400)).toBe(true);
    const messages = [run.originalMessage()!, ...run.followUps()];
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      for (const embed of message.embeds) {
        expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedDescription);
      }
    }
    const last = messages.at(-1)!;
    expect(messageText(last)).toMatch(/Sources/u);
    expect(buttonIds(last).length).toBeGreaterThan(0);
  });

  it('refuses an empty question privately, with a polite message', async () => {
    const run = env.sim.userRunsCommand({ name: 'ask', options: { question: '   ' } });
    const message = await run.finalMessage();
    expect(run.isEphemeral()).toBe(true);
    expect(message.content).toMatch(/type a question/iu);
  });
});

describe('/ask cooldown', () => {
  it('answers a second question within the cooldown with a private message saying how long to wait', async () => {
    const local = await startBotOnSimulator({ env: { ASK_COOLDOWN_SECONDS: '30' } });
    try {
      await local.sim.userRunsCommand({ name: 'ask', options: { question: 'First?' } }).finalMessage();
      const second = local.sim.userRunsCommand({ name: 'ask', options: { question: 'Second?' } });
      const refusal = await second.finalMessage();
      expect(second.isEphemeral()).toBe(true);
      expect(refusal.content).toMatch(/wait \d+ s/u);
      expect(local.core.asked).toHaveLength(1);
      const other = local.sim.createUser({ username: 'bob' });
      local.sim.addMember(local.sim.defaultGuildId, other);
      const third = local.sim.userRunsCommand({ name: 'ask', user: other, options: { question: 'Third?' } });
      expect(messageText(await third.finalMessage())).toMatch(/\[1\]/u);
    } finally {
      await local.stop();
    }
  });
});

describe('/quote', () => {
  it('gives a quotation by the chosen speaker with its citation', async () => {
    const run = env.sim.userRunsCommand({ name: 'quote', options: { speaker: 'Prime Minister Shinzo Abe' } });
    const text = messageText(await run.finalMessage());
    expect(text).toContain('Prime Minister Shinzo Abe');
    expect(text).toContain('The Japan-U.S. Alliance is unwavering.');
    expect(text).toContain(fakeCitation(FAKE_PASSAGES[0]!.id)!.title);
  });

  it('gives a random quotation with no options', async () => {
    const text = messageText(await env.sim.userRunsCommand({ name: 'quote' }).finalMessage());
    expect(text).toMatch(/President Donald J\. Trump|Prime Minister Shinzo Abe/u);
    expect(text).toMatch(/Source/u);
  });

  it('says privately when nothing matches', async () => {
    const run = env.sim.userRunsCommand({ name: 'quote', options: { speaker: 'Nobody', topic: 'mars' } });
    const message = await run.finalMessage();
    expect(run.isEphemeral()).toBe(true);
    expect(message.content).toMatch(/no quotation/iu);
  });

  it('autocompletes speakers from what has been typed', async () => {
    const choices = await env.sim.userAutocompletes({
      name: 'quote',
      focusedOption: 'speaker',
      value: 'abe',
    });
    expect(choices).toEqual([{ name: 'Prime Minister Shinzo Abe', value: 'Prime Minister Shinzo Abe' }]);
    const all = await env.sim.userAutocompletes({ name: 'quote', focusedOption: 'speaker', value: '' });
    expect(all.map((choice) => choice.name).sort()).toEqual([
      'President Donald J. Trump',
      'Prime Minister Shinzo Abe',
    ]);
  });
});

describe('/sources', () => {
  it('lists the fact sheets with their dates and passage counts', async () => {
    const text = messageText(await env.sim.userRunsCommand({ name: 'sources' }).finalMessage());
    for (const source of env.core.sources()) {
      expect(text).toContain(source.title);
      expect(text).toContain(source.displayDate);
      expect(text).toContain(`${source.passageCount} passage`);
    }
  });
});

describe('the whole suite', () => {
  it('identified with only the intents it needs', () => {
    expect(env.sim.identifies.at(-1)?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );
  });

  it('made no request the simulator did not know, and none Discord would reject', () => {
    expect(env.sim.unknownRequests).toEqual([]);
    expect(env.sim.requests.filter((request) => request.status >= 400)).toEqual([]);
  });
});
