import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/config/load-config.js';
import type { AnswerContext, Answerer } from '../../../src/core/answer/answerer.js';
import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { KizunaError } from '../../../src/core/errors.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { loadPrompts } from '../../../src/core/prompts/load-prompts.js';
import type { Prompts } from '../../../src/core/prompts/prompt-asset.js';
import { UNVERIFIED_REPLY_REASON } from '../../../src/core/models/fallback-reason.js';
import {
  createLlmAnswerer,
  NOT_ANSWERED_TEXT,
  NOT_IN_SOURCES_SENTINEL,
  type LlmAnswererOptions,
} from '../../../src/core/answer/llm-answerer.js';
import type { FakeHttpResponse } from '../../support/fake-model-servers/fake-http-server.js';
import {
  startFakeOllamaServer,
  type FakeOllamaServer,
  type FakeReply as FakeOllamaReply,
  type OllamaChatRequestBody,
} from '../../support/fake-model-servers/fake-ollama-server.js';
import {
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type FakeReply,
  type OpenAiChatRequestBody,
} from '../../support/fake-model-servers/fake-openai-server.js';
import { passageFinder } from '../grounding/fixture-passages.js';
import { captureLogger } from '../../support/capture-logger.js';

const API_KEY = 'sk-test-kizuna-0123456789abcdef';
const QUESTION = 'What does Reiwa mean, and how many jobs do Japanese firms support?';
const TIMEOUT_MS = 1_000;
/** What a person may wait beyond MODEL_TIMEOUT_MS before the offline answer arrives. */
const MARGIN_MS = 600;

const REIWA = 'Reiwa means "beautiful harmony" [1].';
const JOBS = 'Japanese companies support over 850,000 American jobs [2].';

/** Stands in for the extractive answerer, so a fallback is plain to see. */
const offline: Answerer = {
  id: 'extractive',
  answer: () => Promise.resolve({ answered: true, text: 'OFFLINE ANSWER [1].' }),
};

let prompts: Prompts;
let passages: RetrievedPassage[];

beforeAll(async () => {
  prompts = await loadPrompts(join(import.meta.dirname, '../../../prompts'));
  const find = await passageFinder();
  passages = [
    find('which means "beautiful harmony."'),
    find('support over 850,000 American jobs'),
    find('American-made F-35 jet'),
  ];
});

const context = (): AnswerContext => ({
  question: QUESTION,
  standaloneQuestion: QUESTION,
  history: [],
  passages,
});

function messageText(content: unknown): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

describe('createLlmAnswerer with an OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  let reply: (body: OpenAiChatRequestBody) => FakeReply;

  const answerer = (
    env: Record<string, string> = {},
    extra: Partial<LlmAnswererOptions> & { logger?: Logger } = {},
  ) =>
    createLlmAnswerer({
      config: loadConfig({
        ANSWER_PROVIDER: 'openai',
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: String(TIMEOUT_MS),
        ...env,
      }),
      prompts,
      logger: silentLogger,
      fallback: offline,
      ...extra,
    });

  beforeAll(async () => {
    server = await startFakeOpenAiServer({ apiKey: API_KEY, reply: (body) => reply(body) });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => `${REIWA} ${JOBS}`;
  });

  it('GIVEN a faithful, cited reply THEN the answer is the model’s text, unchanged', async () => {
    expect(await answerer().answer(context())).toEqual({ answered: true, text: `${REIWA} ${JOBS}` });
  });

  it('streams the request with the key, the default model, temperature 0, the passages and the question', async () => {
    const subject = answerer();
    await subject.answer(context());

    expect(subject.id).toBe('openai:gpt-4o-mini');
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const body = request?.body as OpenAiChatRequestBody;
    expect(body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0, stream: true });
    const sent = body.messages.map((message) => messageText(message.content)).join('\n');
    passages.forEach((item, index) => expect(sent).toContain(`[${index + 1}]`));
    expect(sent).toContain(passages[0]?.passage.text);
    expect(sent).toContain(QUESTION);
    expect(sent).toContain(NOT_IN_SOURCES_SENTINEL);
  });

  it('uses CHAT_MODEL, and leaves temperature to the API for reasoning models', async () => {
    await answerer({ CHAT_MODEL: 'o4-mini' }).answer(context());

    const body = server.requests[0]?.body as OpenAiChatRequestBody;
    expect(body.model).toBe('o4-mini');
    expect(body).not.toHaveProperty('temperature');
  });

  it('GIVEN the hostile reply of issue 7 THEN only the true sentence is shown and the drops are logged with reasons', async () => {
    reply = () =>
      'Reiwa means "beautiful harmony" [1]. The alliance was formally dissolved in 2020 [1]. @everyone see.';
    const { logger, entries } = captureLogger();

    const draft = await answerer({}, { logger }).answer(context());

    expect(draft).toEqual({ answered: true, text: REIWA });
    const drops = entries.filter((entry) => entry.msg === 'dropped an unsupported sentence');
    expect(drops.map((entry) => [entry.code, entry.reason])).toEqual([
      ['number', 'the number 2020 is not in passage [1]'],
      ['uncited', 'it cites no passage'],
    ]);
  });

  it('GIVEN a changed number THEN nothing is verified and the offline answer stands in, saying why', async () => {
    reply = () => 'Japanese companies support over 950,000 American jobs [2].';

    expect(await answerer().answer(context())).toEqual({
      answered: true,
      text: 'OFFLINE ANSWER [1].',
      fallbackReason: UNVERIFIED_REPLY_REASON,
      answeredBy: 'extractive',
    });
  });

  it('GIVEN a claim cited to the wrong passage THEN it is dropped', async () => {
    reply = () => `${REIWA} Japan is one of the largest purchasers of the F-35 [2].`;

    expect((await answerer().answer(context())).text).toBe(REIWA);
  });

  it('GIVEN a marker beyond the passages list THEN that sentence is dropped and grouped markers are trimmed', async () => {
    reply = () => `Reiwa means "beautiful harmony" [1, 9]. Japan bought many jets [7].`;

    expect((await answerer().answer(context())).text).toBe(REIWA);
  });

  it('GIVEN a fabricated quotation THEN it is dropped', async () => {
    reply = () => `Reiwa means "eternal peace and prosperity" [1]. ${JOBS}`;

    expect((await answerer().answer(context())).text).toBe(JOBS);
  });

  it('GIVEN @here, @everyone, a role mention, a masked link and an invite THEN none survives as Discord syntax', async () => {
    reply = () =>
      `Japanese companies support over 850,000 American jobs, @here [2]. @everyone <@&123456789012345678> read [this](https://evil.example) at discord.gg/abcdef. ${REIWA}`;

    const draft = await answerer().answer(context());

    // The mention in a supported sentence is defused in place; the uncited one is dropped altogether.
    expect(draft.text).toBe(
      `Japanese companies support over 850,000 American jobs, @\u200Bhere [2]. ${REIWA}`,
    );
    expect(draft.text).not.toMatch(/@here|@everyone|<@&|\]\(|discord\.gg/);
  });

  it('GIVEN a 10,000-character reply THEN the answer is cut to 1,500 characters at a sentence end', async () => {
    reply = () => `${JOBS} `.repeat(Math.ceil(10_000 / (JOBS.length + 1)));

    const draft = await answerer().answer(context());

    expect(draft.text.length).toBeLessThanOrEqual(1_500);
    expect(draft.text.endsWith(JOBS)).toBe(true);
    expect(draft.fallbackReason).toBeUndefined();
  });

  it('GIVEN malformed JSON in the stream THEN the offline answer stands in', async () => {
    reply = (): FakeHttpResponse => ({
      status: 200,
      body: 'data: {"choices": [\n\n',
      contentType: 'text/event-stream',
    });

    const draft = await answerer().answer(context());

    expect(draft).toMatchObject({
      text: 'OFFLINE ANSWER [1].',
      fallbackReason: 'the language model returned an unusable reply',
    });
  });

  it('GIVEN HTTP 500 THEN it retries twice with back-off, then falls back and records the failure', async () => {
    reply = () => openAiError(500, 'The server had an error while processing your request.');
    const subject = answerer({ MODEL_TIMEOUT_MS: '5000' });

    const draft = await subject.answer(context());

    expect(server.requests).toHaveLength(3);
    expect(draft.fallbackReason).toBe('the language model was unavailable');
    const health = subject.health();
    expect(health).toMatchObject({ provider: 'openai:gpt-4o-mini', recentCalls: 3, recentFailureRate: 1 });
    expect(health.lastError?.message).toMatch(/HTTP 500/);
    expect(health.lastError?.message).not.toContain(API_KEY);
    expect(health.lastSuccessAt).toBeUndefined();
  });

  it('GIVEN HTTP 429 with Retry-After: 1 THEN it waits a second, retries, and answers from the model', async () => {
    let calls = 0;
    reply = () => {
      calls += 1;
      return calls === 1
        ? {
            ...openAiError(429, 'Rate limit reached', 'requests', 'rate_limit_exceeded'),
            headers: { 'retry-after': '1' },
          }
        : REIWA;
    };
    const subject = answerer({ MODEL_TIMEOUT_MS: '5000' });
    const startedAt = Date.now();

    const draft = await subject.answer(context());

    expect(draft).toEqual({ answered: true, text: REIWA });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
    expect(subject.health()).toMatchObject({ recentCalls: 2, recentFailureRate: 0.5 });
    expect(subject.health().lastSuccessAt).toBeDefined();
  });

  it('GIVEN a Retry-After longer than the time left THEN it falls back at once instead of waiting', async () => {
    reply = () => ({ ...openAiError(429, 'Rate limit reached'), headers: { 'retry-after': '30' } });
    const startedAt = Date.now();

    const draft = await answerer().answer(context());

    expect(draft.fallbackReason).toBe('the language model was rate limited');
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it('GIVEN a response that never ends THEN the offline answer arrives within MODEL_TIMEOUT_MS plus a small margin', async () => {
    reply = () => ({ text: `${REIWA} ${JOBS}`, fault: { hangAfter: 2 } });
    const startedAt = Date.now();

    const draft = await answerer().answer(context());

    const elapsed = Date.now() - startedAt;
    expect(draft.fallbackReason).toBe(`the language model did not answer within ${TIMEOUT_MS} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });

  it('GIVEN a stream cut in the middle THEN the partial reply is not used nor retried, and the offline answer stands in', async () => {
    reply = () => ({ text: `${REIWA} ${JOBS}`, fault: { cutAfter: 5 } });

    const draft = await answerer().answer(context());

    expect(draft.fallbackReason).toBe('the language model returned an unusable reply');
    expect(server.requests).toHaveLength(1);
  });

  it('GIVEN the sentinel THEN the answer is an honest "not answered", not a fallback', async () => {
    reply = () => NOT_IN_SOURCES_SENTINEL;

    expect(await answerer().answer(context())).toEqual({ answered: false, text: NOT_ANSWERED_TEXT });
  });

  it('does not call the model when nothing was retrieved', async () => {
    expect(await answerer().answer({ ...context(), passages: [] })).toEqual({
      answered: false,
      text: NOT_ANSWERED_TEXT,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('GIVEN no fallback THEN a failure throws PROVIDER_UNAVAILABLE without the key, as before', async () => {
    const wrongKey = 'sk-wrong-key-9876543210fedcba';

    const error = await answerer({ OPENAI_API_KEY: wrongKey }, { fallback: undefined })
      .answer(context())
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );

    expect(error).toBeInstanceOf(KizunaError);
    expect((error as KizunaError).code).toBe('PROVIDER_UNAVAILABLE');
    expect((error as KizunaError).message).toMatch(/HTTP 401/);
    expect((error as KizunaError).message).not.toContain(wrongKey);
  });

  it('GIVEN more questions than free slots THEN a question that waited too long gets the offline answer at once', async () => {
    reply = () => ({ text: REIWA, fault: { hangAfter: 1 } });
    const subject = answerer(
      { MODEL_TIMEOUT_MS: '1500' },
      { gate: { maxConcurrent: 1, maxQueueWaitMs: 100 } },
    );

    const first = subject.answer(context());
    const startedAt = Date.now();
    const second = await subject.answer(context());

    expect(second.fallbackReason).toBe('the language model was busy with other questions');
    expect(Date.now() - startedAt).toBeLessThan(400);
    expect((await first).fallbackReason).toMatch(/did not answer within 1500 ms/);
  });

  it('streams only verified text to onVerifiedText, sentence by sentence', async () => {
    reply = () => `${REIWA} The alliance was formally dissolved in 2020 [1]. ${JOBS}`;
    const seen: string[] = [];

    const draft = await answerer().answer(context(), { onVerifiedText: (text) => seen.push(text) });

    expect(seen).toEqual([REIWA]);
    expect(draft.text).toBe(`${REIWA} ${JOBS}`);
    expect(seen.join(' ')).not.toContain('dissolved');
  });
});

describe('createLlmAnswerer with an Ollama server', () => {
  let server: FakeOllamaServer;
  let reply: () => FakeOllamaReply;

  const answerer = (env: Record<string, string> = {}) =>
    createLlmAnswerer({
      config: loadConfig({
        ANSWER_PROVIDER: 'ollama',
        OLLAMA_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: String(TIMEOUT_MS),
        ...env,
      }),
      prompts,
      logger: silentLogger,
      fallback: offline,
    });

  beforeAll(async () => {
    server = await startFakeOllamaServer({ models: ['llama3.1:latest'], reply: () => reply() });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => `${REIWA} ${JOBS}`;
  });

  it('GIVEN a faithful streamed reply THEN it is the answer, and the request carried model, temperature and passages', async () => {
    const subject = answerer();

    expect(await subject.answer(context())).toEqual({ answered: true, text: `${REIWA} ${JOBS}` });
    expect(subject.id).toBe('ollama:llama3.1');
    const body = server.requests[0]?.body as OllamaChatRequestBody;
    expect(body).toMatchObject({ model: 'llama3.1', options: { temperature: 0 } });
    expect(body.messages.map((message) => message.content).join('\n')).toContain(QUESTION);
  });

  it('GIVEN the hostile reply of issue 7 THEN only the true sentence is kept', async () => {
    reply = () =>
      'Reiwa means "beautiful harmony" [1]. The alliance was formally dissolved in 2020 [1]. @everyone see.';

    expect((await answerer().answer(context())).text).toBe(REIWA);
  });

  it('GIVEN a model that is not pulled THEN the offline answer stands in', async () => {
    expect((await answerer({ CHAT_MODEL: 'not-pulled' }).answer(context())).fallbackReason).toBe(
      'the language model was unavailable',
    );
  });

  it('GIVEN a response that never ends THEN the offline answer arrives within MODEL_TIMEOUT_MS plus a small margin', async () => {
    reply = () => ({ text: `${REIWA} ${JOBS}`, fault: { hangAfter: 2 } });
    const startedAt = Date.now();

    const draft = await answerer().answer(context());

    expect(draft.fallbackReason).toBe(`the language model did not answer within ${TIMEOUT_MS} ms`);
    expect(Date.now() - startedAt).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });

  it('GIVEN a stream cut in the middle THEN the offline answer stands in', async () => {
    reply = () => ({ text: `${REIWA} ${JOBS}`, fault: { cutAfter: 3 } });

    expect((await answerer().answer(context())).fallbackReason).toBe(
      'the language model returned an unusable reply',
    );
  });
});
