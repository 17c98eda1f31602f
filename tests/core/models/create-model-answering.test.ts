import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/config/load-config.js';
import type { Answerer } from '../../../src/core/answer/answerer.js';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { silentLogger } from '../../../src/core/logger.js';
import { loadPrompts } from '../../../src/core/prompts/load-prompts.js';
import { createModelAnswering } from '../../../src/core/models/create-model-answering.js';
import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import { summarizeProviderHealth } from '../../../src/core/models/provider-health.js';
import {
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../../support/fake-model-servers/index.js';
import { passageFinder } from '../grounding/fixture-passages.js';

const offline: Answerer = {
  id: 'extractive',
  answer: () => Promise.resolve({ answered: true, text: 'OFFLINE [1].' }),
};

describe('createModelAnswering', () => {
  let server: FakeOpenAiServer;
  let passages: RetrievedPassage[];
  let failNext = false;

  beforeAll(async () => {
    passages = [(await passageFinder())('which means "beautiful harmony."')];
    server = await startFakeOpenAiServer({
      reply: (body) => {
        if (failNext) return openAiError(401, 'bad key');
        const asked = JSON.stringify(body.messages);
        return asked.includes('Follow-up question')
          ? 'What does Reiwa mean in English?'
          : 'Reiwa means "beautiful harmony" [1].';
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('GIVEN answers, rewrites and a failure THEN one health record counts them all', async () => {
    const answering = createModelAnswering({
      config: loadConfig({
        ANSWER_PROVIDER: 'openai',
        OPENAI_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: '2000',
      }),
      prompts: await loadPrompts(join(import.meta.dirname, '../../../prompts')),
      logger: silentLogger,
      fallback: offline,
    });
    const question = 'What does Reiwa mean?';

    expect(await answering.condenseQuestion('And in English?', [{ role: 'user', text: question }])).toBe(
      'What does Reiwa mean in English?',
    );
    expect(
      (await answering.answerer.answer({ question, standaloneQuestion: question, history: [], passages }))
        .text,
    ).toBe('Reiwa means "beautiful harmony" [1].');
    failNext = true;
    const fallback = await answering.answerer.answer({
      question,
      standaloneQuestion: question,
      history: [],
      passages,
    });
    failNext = false;

    expect(fallback).toMatchObject({ text: 'OFFLINE [1].', answeredBy: 'extractive' });
    expect(formatFallbackNote(fallback.fallbackReason ?? '')).toBe(
      'Answered from the fact sheets directly: the language model was unavailable.',
    );
    const health = answering.health();
    expect(health).toMatchObject({ provider: 'openai:gpt-4o-mini', recentCalls: 3 });
    expect(summarizeProviderHealth(health, new Date(Date.parse(health.lastError?.at ?? '') + 5_000))).toMatch(
      /^openai:gpt-4o-mini — last success \d+ s ago; last error 5 s ago: .*HTTP 401.*; 1 of 3 recent calls failed \(33%\); mean latency \d+ ms; 0 running, 0 waiting$/,
    );
  });
});
