import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/config/load-config.js';
import { KizunaError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { loadPrompts } from '../../../src/core/prompts/load-prompts.js';
import type { Prompts } from '../../../src/core/prompts/prompt-asset.js';
import {
  createLlmAnswerer,
  NOT_ANSWERED_TEXT,
  NOT_IN_SOURCES_SENTINEL,
} from '../../../src/core/providers/llm-answerer.js';
import type { FakeHttpResponse } from '../../support/fake-model-servers/fake-http-server.js';
import {
  startFakeOllamaServer,
  type FakeOllamaServer,
  type OllamaChatRequestBody,
} from '../../support/fake-model-servers/fake-ollama-server.js';
import {
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type OpenAiChatRequestBody,
} from '../../support/fake-model-servers/fake-openai-server.js';
import { answerContext } from './answer-context-fixture.js';

const API_KEY = 'sk-test-kizuna-0123456789abcdef';
const PASSAGES = [
  'PASSAGE-ONE-TEXT about ports.',
  'PASSAGE-TWO-TEXT about trade.',
  'PASSAGE-THREE-TEXT about space.',
];
const QUESTION = 'QUESTION-TEXT: what was agreed?';

let prompts: Prompts;

beforeAll(async () => {
  prompts = await loadPrompts(join(import.meta.dirname, '../../../prompts'));
});

async function rejection(promise: Promise<unknown>): Promise<KizunaError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KizunaError);
  return error as KizunaError;
}

function messageText(content: unknown): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

describe('createLlmAnswerer with OpenAI', () => {
  let server: FakeOpenAiServer;
  let reply: (body: OpenAiChatRequestBody) => string | FakeHttpResponse;

  const answerer = (env: Record<string, string> = {}) =>
    createLlmAnswerer({
      config: loadConfig({
        ANSWER_PROVIDER: 'openai',
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: '1000',
        ...env,
      }),
      prompts,
      logger: silentLogger,
    });

  beforeAll(async () => {
    server = await startFakeOpenAiServer({ apiKey: API_KEY, reply: (body) => reply(body) });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => 'Ports were discussed [1] and trade too [2].';
  });

  it('answers with the model text and keeps markers that point at retrieved passages', async () => {
    const draft = await answerer().answer(answerContext(QUESTION, PASSAGES));

    expect(draft).toEqual({ answered: true, text: 'Ports were discussed [1] and trade too [2].' });
  });

  it('sends the key, the default model, temperature 0, the numbered passages and the question', async () => {
    const subject = answerer();
    await subject.answer(answerContext(QUESTION, PASSAGES));

    expect(subject.id).toBe('openai:gpt-4o-mini');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const body = request?.body as OpenAiChatRequestBody;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.temperature).toBe(0);
    const sent = body.messages.map((message) => messageText(message.content)).join('\n');
    PASSAGES.forEach((text, index) => {
      expect(sent).toContain(`[${index + 1}]`);
      expect(sent).toContain(text);
    });
    expect(sent).toContain(QUESTION);
    expect(sent).toContain(NOT_IN_SOURCES_SENTINEL);
  });

  it('uses CHAT_MODEL when set', async () => {
    const subject = answerer({ CHAT_MODEL: 'custom-chat-model' });
    await subject.answer(answerContext(QUESTION, PASSAGES));

    expect(subject.id).toBe('openai:custom-chat-model');
    expect((server.requests[0]?.body as OpenAiChatRequestBody).model).toBe('custom-chat-model');
  });

  it('leaves temperature and the length cap to the API for reasoning models, which reject them', async () => {
    await answerer({ CHAT_MODEL: 'o4-mini' }).answer(answerContext(QUESTION, PASSAGES));

    const body = server.requests[0]?.body as OpenAiChatRequestBody;
    expect(body.model).toBe('o4-mini');
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_completion_tokens');
  });

  it('drops markers that point outside the retrieved passages', async () => {
    reply = () => 'Ports were discussed [1]. Something invented [7]. Both [2, 9].';

    const draft = await answerer().answer(answerContext(QUESTION, PASSAGES));

    expect(draft).toEqual({
      answered: true,
      text: 'Ports were discussed [1]. Something invented. Both [2].',
    });
  });

  it('passes passage text with braces through as data', async () => {
    const draft = await answerer().answer(
      answerContext(QUESTION, ['A {question} and {{x}} and } in a passage.']),
    );

    expect(draft.answered).toBe(true);
    const sent = (server.requests[0]?.body as OpenAiChatRequestBody).messages
      .map((message) => messageText(message.content))
      .join('\n');
    expect(sent).toContain('A {question} and {{x}} and } in a passage.');
  });

  it('reports not answered when the model replies with the sentinel', async () => {
    reply = () => NOT_IN_SOURCES_SENTINEL;

    expect(await answerer().answer(answerContext(QUESTION, PASSAGES))).toEqual({
      answered: false,
      text: NOT_ANSWERED_TEXT,
    });
  });

  it('reports not answered when no valid citation is left, rather than citing a guess', async () => {
    reply = () => 'An answer from general knowledge [8].';

    expect(await answerer().answer(answerContext(QUESTION, PASSAGES))).toEqual({
      answered: false,
      text: NOT_ANSWERED_TEXT,
    });
  });

  it('does not call the model when nothing was retrieved', async () => {
    expect(await answerer().answer(answerContext(QUESTION, []))).toEqual({
      answered: false,
      text: NOT_ANSWERED_TEXT,
    });
    expect(server.requests).toHaveLength(0);
  });

  it('turns a server error into PROVIDER_UNAVAILABLE naming the host and status', async () => {
    reply = () => openAiError(500, 'The server had an error while processing your request.');

    const error = await rejection(answerer().answer(answerContext(QUESTION, PASSAGES)));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toContain(new URL(server.url).host);
    expect(error.message).toMatch(/HTTP 500/);
    expect(error.message).not.toContain(API_KEY);
  });

  it('turns a rejected key into PROVIDER_UNAVAILABLE without repeating the key', async () => {
    const wrongKey = 'sk-wrong-key-9876543210fedcba';

    const error = await rejection(
      answerer({ OPENAI_API_KEY: wrongKey }).answer(answerContext(QUESTION, PASSAGES)),
    );

    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${wrongKey}`);
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/HTTP 401 \(the API key was rejected\)/);
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain(wrongKey.slice(0, 12));
    expect(error.cause).toBeUndefined();
  });

  it('gives up after MODEL_TIMEOUT_MS with PROVIDER_UNAVAILABLE', async () => {
    reply = () => ({ status: 200, body: {}, delayMs: 5_000 });
    const startedAt = Date.now();

    const error = await rejection(answerer().answer(answerContext(QUESTION, PASSAGES)));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/no reply within 1000 ms/);
    expect(Date.now() - startedAt).toBeLessThan(4_000);
  });

  it('turns a reply that is not a chat completion into PROVIDER_UNAVAILABLE', async () => {
    reply = () => ({ status: 200, body: '<html>Gateway login</html>', contentType: 'text/html' });

    const error = await rejection(answerer().answer(answerContext(QUESTION, PASSAGES)));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).not.toContain(API_KEY);
  });

  it('turns an empty completion into PROVIDER_UNAVAILABLE', async () => {
    reply = () => '   ';

    const error = await rejection(answerer().answer(answerContext(QUESTION, PASSAGES)));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/empty/);
  });

  it('turns an unreachable server into PROVIDER_UNAVAILABLE', async () => {
    const closed = await startFakeOpenAiServer();
    await closed.close();

    const error = await rejection(
      answerer({ OPENAI_BASE_URL: closed.url }).answer(answerContext(QUESTION, PASSAGES)),
    );

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/could not connect/);
  });
});

describe('createLlmAnswerer with Ollama', () => {
  let server: FakeOllamaServer;
  let reply: (body: OllamaChatRequestBody) => string | FakeHttpResponse;

  const answerer = (env: Record<string, string> = {}) =>
    createLlmAnswerer({
      config: loadConfig({
        ANSWER_PROVIDER: 'ollama',
        OLLAMA_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: '1000',
        ...env,
      }),
      prompts,
      logger: silentLogger,
    });

  beforeAll(async () => {
    server = await startFakeOllamaServer({
      models: ['llama3.1:latest', 'other-model'],
      reply: (body) => reply(body),
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => 'Trade was discussed [2], and space [3]; not [4].';
  });

  it('answers from a streamed reply, keeping valid markers and dropping the rest', async () => {
    const subject = answerer();
    const draft = await subject.answer(answerContext(QUESTION, PASSAGES));

    expect(subject.id).toBe('ollama:llama3.1');
    expect(draft).toEqual({ answered: true, text: 'Trade was discussed [2], and space [3]; not.' });
  });

  it('sends the default model, temperature 0, the passages and the question to /api/chat', async () => {
    await answerer().answer(answerContext(QUESTION, PASSAGES));

    const [request] = server.requests;
    expect(request?.path).toBe('/api/chat');
    const body = request?.body as OllamaChatRequestBody;
    expect(body.model).toBe('llama3.1');
    expect(body.options?.temperature).toBe(0);
    const sent = body.messages.map((message) => message.content).join('\n');
    for (const text of PASSAGES) expect(sent).toContain(text);
    expect(sent).toContain(QUESTION);
  });

  it('reports not answered when the model replies with the sentinel', async () => {
    reply = () => `${NOT_IN_SOURCES_SENTINEL}\n`;

    expect(await answerer().answer(answerContext(QUESTION, PASSAGES))).toEqual({
      answered: false,
      text: NOT_ANSWERED_TEXT,
    });
  });

  it('turns a model that is not pulled into PROVIDER_UNAVAILABLE with the server’s explanation', async () => {
    const error = await rejection(
      answerer({ CHAT_MODEL: 'not-pulled' }).answer(answerContext(QUESTION, PASSAGES)),
    );

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/HTTP 404 .*not-pulled.*not found/);
  });

  it('gives up after MODEL_TIMEOUT_MS with PROVIDER_UNAVAILABLE', async () => {
    reply = () => ({ status: 200, body: {}, delayMs: 5_000 });
    const startedAt = Date.now();

    const error = await rejection(answerer().answer(answerContext(QUESTION, PASSAGES)));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/no reply within 1000 ms/);
    expect(Date.now() - startedAt).toBeLessThan(4_000);
  });
});
