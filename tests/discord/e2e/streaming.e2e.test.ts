import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import type { KizunaCore } from '../../../src/core/types.js';
import { stripMarkers, WRITING_LABEL } from '../../../src/discord/presentation/draft-message.js';
import { PROVIDER_FIELD_NAME } from '../../../src/discord/presentation/status-message.js';
import type { InteractionHandle } from '../../support/discord-simulator/index.js';
import {
  markerOf,
  startFakeOpenAiServer,
  type FakeOpenAiServerOptions,
} from '../../support/fake-model-servers/index.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { buttonIds, messageText } from '../support/message-text.js';
import { startRealCore } from '../../support/real-core.js';

const REIWA = 'beautiful harmony';
const JOBS = 'Japanese companies support over 850,000 American jobs';
const MOON = "accelerating NASA's return to the Moon";

/**
 * Runs `test` against the REAL core configured with `ANSWER_PROVIDER=openai` and `OPENAI_BASE_URL` at a
 * fake OpenAI server on 127.0.0.1, behind a real bot on the Discord simulator; closes everything after.
 */
async function withModelBot(
  server: FakeOpenAiServerOptions,
  env: Record<string, string>,
  test: (bot: BotOnSimulator<KizunaCore>) => Promise<void>,
): Promise<void> {
  const model = await startFakeOpenAiServer(server);
  const real = await startRealCore({
    ANSWER_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.url,
    OPENAI_API_KEY: 'sk-test',
    ...env,
  });
  let bot: BotOnSimulator<KizunaCore> | undefined;
  try {
    bot = await startBotOnSimulator({ core: real.core, env: real.env });
    await test(bot);
  } finally {
    await bot?.stop();
    await model.close();
    await real.dispose();
  }
}

/** The original response once it is final: the answer with its sources and passage buttons. */
function finalAnswer(bot: BotOnSimulator<KizunaCore>, run: InteractionHandle): Promise<APIMessage> {
  return bot.sim.waitFor(
    () => {
      const message = run.originalMessage();
      return message && buttonIds(message).length > 0 ? message : undefined;
    },
    15_000,
    'the final answer with its sources',
  );
}

/**
 * Every state of the original response the user saw, in order: each accepted edit (and a direct reply),
 * leaving out Discord's own "thinking…" of a deferral.
 */
function shownStates(run: InteractionHandle): { message: APIMessage; at: number }[] {
  return run.responses
    .filter((response) => response.status < 300 && response.message !== undefined)
    .filter((response) => response.kind === 'edit-original' || response.kind === 'callback')
    .filter((response) => response.message!.embeds.length > 0)
    .map((response) => ({ message: response.message!, at: response.timestamp }));
}

describe('GIVEN a model answerer (the real core against a fake OpenAI server) WHEN someone uses /ask', () => {
  it('THEN the reply streams: "writing…" drafts of verified sentences only, at most one edit a second, then the answer with its sources', async () => {
    await withModelBot(
      {
        reply: (body) =>
          `Reiwa means "${REIWA}" ${markerOf(body, REIWA)}. Through rigorous investment, hiring, and workforce development, ${JOBS} ${markerOf(body, JOBS)}. The two countries are cooperating in space, including ${MOON} ${markerOf(body, MOON)}.`,
        streamFrameIntervalMs: 100,
      },
      {},
      async (bot) => {
        const run = bot.sim.userRunsCommand({
          name: 'ask',
          options: {
            question: 'What does Reiwa mean, how many jobs do Japanese firms support, and what about space?',
          },
        });
        const final = await finalAnswer(bot, run);
        const finalText = final.embeds[0]?.description ?? '';
        expect(finalText).toMatch(
          /^Reiwa means "beautiful harmony" \[1\]\. .*850,000.*\[2\]\. .*Moon \[3\]\.$/u,
        );
        expect(messageText(final)).toMatch(/Sources/u);
        expect(buttonIds(final)).toHaveLength(3);

        const states = shownStates(run);
        const drafts = states.slice(0, -1).map((state) => state.message);
        expect(drafts.length).toBeGreaterThanOrEqual(2);
        for (const draft of drafts) {
          const [embed] = draft.embeds;
          // A draft is the answer's first sentences, as they will stay, and says it is still being written.
          expect(stripMarkers(finalText).startsWith(embed?.description ?? '∅')).toBe(true);
          expect(embed?.footer?.text ?? embed?.description).toBe(WRITING_LABEL.en);
          expect(embed?.fields ?? []).toEqual([]);
          expect(buttonIds(draft)).toEqual([]);
        }
        expect(
          drafts.some((draft) => draft.embeds[0]?.description === 'Reiwa means "beautiful harmony".'),
        ).toBe(true);
        const edits = run.responses.filter((response) => response.kind === 'edit-original');
        const draftEdits = edits.slice(0, -1);
        for (let index = 1; index < draftEdits.length; index += 1) {
          // Discord allows about one edit a second; the simulator's clock has a few ms of jitter.
          expect(draftEdits[index]!.timestamp - draftEdits[index - 1]!.timestamp).toBeGreaterThanOrEqual(950);
        }
      },
    );
  });

  it('THEN a hostile reply ends as just its verified first sentence: the invented claim and @everyone are never on screen', async () => {
    await withModelBot(
      {
        reply: (body) =>
          `Reiwa means "${REIWA}" ${markerOf(body, REIWA)}. The alliance was formally dissolved in 2020 ${markerOf(body, REIWA)}. @everyone see.`,
        streamFrameIntervalMs: 80,
      },
      {},
      async (bot) => {
        const run = bot.sim.userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } });
        const final = await finalAnswer(bot, run);
        expect(final.embeds[0]?.description).toBe('Reiwa means "beautiful harmony" [1].');
        expect(messageText(final)).toMatch(/Sources\n\[1\]/u);
        for (const { message } of shownStates(run)) {
          expect(messageText(message)).not.toMatch(/dissolved|@everyone|see\./u);
        }
      },
    );
  });

  it('THEN a server that never answers gives the offline answer with the fallback note, within MODEL_TIMEOUT_MS plus a margin', async () => {
    await withModelBot(
      { reply: () => new Promise(() => undefined) },
      { MODEL_TIMEOUT_MS: '1000' },
      async (bot) => {
        const started = Date.now();
        const run = bot.sim.userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } });
        const final = await finalAnswer(bot, run);
        expect(Date.now() - started).toBeLessThan(1000 + 2000);
        expect(final.embeds[0]?.description).toContain(REIWA);
        expect(final.embeds.at(-1)?.footer?.text).toContain(
          formatFallbackNote('the language model did not answer within 1000 ms'),
        );
        for (const { message } of shownStates(run).slice(0, -1)) {
          expect(message.embeds[0]?.fields ?? []).toEqual([]);
        }
      },
    );
  });

  it("THEN /status shows the model provider's state", async () => {
    await withModelBot(
      { reply: (body) => `Reiwa means "${REIWA}" ${markerOf(body, REIWA)}.` },
      {},
      async (bot) => {
        await finalAnswer(
          bot,
          bot.sim.userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } }),
        );
        const status = await bot.sim
          .userRunsCommand({ name: 'status', memberPermissions: String(PermissionFlagsBits.ManageGuild) })
          .finalMessage();
        const field = status.embeds[0]?.fields?.find((entry) => entry.name === PROVIDER_FIELD_NAME.en);
        expect(field?.value).toMatch(
          /^openai:.* — last success \d+ s ago; no errors; 0 of 1 recent calls failed/u,
        );
      },
    );
  });
});

describe('GIVEN a model answerer WHEN someone mentions the bot', () => {
  it('THEN the reply streams into one message (Japanese "writing…" for a Japanese question) and ends with the sources, never showing the invented claim', async () => {
    await withModelBot(
      {
        reply: (body) =>
          `Reiwa means "${REIWA}" ${markerOf(body, REIWA)}. The alliance was formally dissolved in 2020 ${markerOf(body, REIWA)}. @everyone see.`,
        streamFrameIntervalMs: 80,
      },
      {},
      async (bot) => {
        const question = await bot.sim.userSendsMessage({
          content: '令和の意味は何ですか？',
          mentionsBot: true,
        });
        const answer = await bot.sim.waitFor(
          () =>
            bot.sim
              .messages(bot.sim.defaultChannelId)
              .find(
                (message) =>
                  message.message_reference?.message_id === question.id && buttonIds(message).length > 0,
              ),
          15_000,
          'the final answer',
        );
        expect(messageText(answer)).toMatch(/\[1\]/u);
        // Every state of the reply: the message as first posted, then each edit.
        const states = bot.sim.requests
          .filter((request) => request.response !== undefined && request.status < 300)
          .filter(
            (request) =>
              (request.method === 'POST' &&
                request.path === `/channels/${bot.sim.defaultChannelId}/messages`) ||
              (request.method === 'PATCH' && request.path.endsWith(`/messages/${answer.id}`)),
          )
          .map((request) => request.response as APIMessage)
          .filter((message) => message.id === answer.id);
        expect(states.length).toBeGreaterThanOrEqual(2);
        expect(states[0]?.embeds[0]?.footer?.text ?? states[0]?.embeds[0]?.description).toBe(
          WRITING_LABEL.ja,
        );
        for (const state of states) expect(messageText(state)).not.toMatch(/dissolved|@everyone/u);
      },
    );
  });
});

describe('GIVEN the offline answerer WHEN someone uses /ask', () => {
  it('THEN nothing streams: no drafts, one answer', async () => {
    const real = await startRealCore();
    const bot = await startBotOnSimulator({ core: real.core, env: real.env });
    try {
      const run = bot.sim.userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' } });
      const final = await run.finalMessage({ settleMs: 1500 });
      expect(messageText(final)).toMatch(/Sources/u);
      const shown = shownStates(run);
      expect(shown).toHaveLength(1);
      expect(messageText(shown[0]?.message)).not.toContain(WRITING_LABEL.en);
    } finally {
      await bot.stop();
      await real.dispose();
    }
  });
});
