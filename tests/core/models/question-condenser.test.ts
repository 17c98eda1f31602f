import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../../src/config/load-config.js';
import { KizunaError } from '../../../src/core/errors.js';
import { silentLogger } from '../../../src/core/logger.js';
import { loadPrompts } from '../../../src/core/prompts/load-prompts.js';
import type { Prompts } from '../../../src/core/prompts/prompt-asset.js';
import {
  createCheckedQuestionCondenser,
  createQuestionCondenser,
} from '../../../src/core/models/question-condenser.js';
import type { ConversationTurn } from '../../../src/core/types.js';
import { captureLogger } from '../../support/capture-logger.js';
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

const API_KEY = 'sk-test-condenser-0123456789';
const HISTORY: ConversationTurn[] = [
  { role: 'user', text: 'What did the 2019 fact sheet say about space?' },
  {
    role: 'assistant',
    text: 'The United States and Japan are cooperating in space, including NASA’s return to the Moon [1].',
  },
];
const FOLLOW_UP = 'And what about energy?';
const REWRITE = 'What did the 2019 fact sheet say about energy?';

let prompts: Prompts;

beforeAll(async () => {
  prompts = await loadPrompts(join(import.meta.dirname, '../../../prompts'));
});

describe('createQuestionCondenser with OpenAI', () => {
  let server: FakeOpenAiServer;
  let reply: () => string | FakeHttpResponse;

  const condenser = (env: Record<string, string> = {}) =>
    createQuestionCondenser({
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
    server = await startFakeOpenAiServer({ reply: () => reply() });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => REWRITE;
  });

  it('returns a question without history unchanged, without calling the model', async () => {
    expect(await condenser()(FOLLOW_UP, [])).toBe(FOLLOW_UP);
    expect(await condenser()(FOLLOW_UP, [{ role: 'user', text: '   ' }])).toBe(FOLLOW_UP);
    expect(server.requests).toHaveLength(0);
  });

  it('returns the model’s rewrite of a follow-up', async () => {
    expect(await condenser()(FOLLOW_UP, HISTORY)).toBe(REWRITE);
  });

  it.each([
    ['a name', 'What did the 2019 fact sheet say about energy in China?', 'China'],
    ['a number', 'What did the 2020 fact sheet say about energy?', '2020'],
    ['an amount', 'Did the 2019 sheet mention $5 billion for energy?', '5000000000'],
  ])(
    'GIVEN a rewrite that adds %s from nowhere THEN it is refused, so the rule-based rewrite is used',
    async (_kind, rewrite, added) => {
      reply = () => rewrite;
      const { logger, entries } = captureLogger();
      const checked = createCheckedQuestionCondenser({
        config: loadConfig({
          ANSWER_PROVIDER: 'openai',
          OPENAI_API_KEY: API_KEY,
          OPENAI_BASE_URL: server.url,
        }),
        prompts,
        logger,
      });

      expect(await checked(FOLLOW_UP, HISTORY)).toBeUndefined();
      expect(entries.find((entry) => Array.isArray(entry.introduced))?.introduced).toEqual([added]);
      const error = await condenser()(FOLLOW_UP, HISTORY).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect((error as KizunaError).code).toBe('PROVIDER_UNAVAILABLE');
    },
  );

  it('accepts names and numbers that the conversation already holds, in other spellings', async () => {
    reply = () => 'What did the 2019 fact sheet say about energy cooperation between the U.S. and Japan?';

    expect(await condenser()(FOLLOW_UP, HISTORY)).toBe(reply());
  });

  it('sends the earlier turns and the follow-up at temperature 0', async () => {
    await condenser()(FOLLOW_UP, HISTORY);

    const body = server.requests[0]?.body as OpenAiChatRequestBody;
    expect(body.temperature).toBe(0);
    const sent = body.messages.map((message) => String(message.content)).join('\n');
    expect(sent).toContain('What did the 2019 fact sheet say about space?');
    // Markers are left out of the history the model sees.
    expect(sent).toContain('NASA’s return to the Moon.');
    expect(sent).toContain(FOLLOW_UP);
  });

  it('strips a label and quotation marks the model added', async () => {
    reply = () => `Standalone question: "${REWRITE}"\n(extra commentary)`;

    expect(await condenser()(FOLLOW_UP, HISTORY)).toBe(REWRITE);
  });

  it('refuses an implausibly long rewrite', async () => {
    reply = () => 'word '.repeat(500);
    const checked = createCheckedQuestionCondenser({
      config: loadConfig({
        ANSWER_PROVIDER: 'openai',
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: server.url,
        MAX_QUESTION_LENGTH: '100',
      }),
      prompts,
      logger: silentLogger,
    });

    expect(await checked(FOLLOW_UP, HISTORY)).toBeUndefined();
  });

  it('turns a failing model into PROVIDER_UNAVAILABLE without the key', async () => {
    reply = () => openAiError(503, 'overloaded');

    const error = await condenser()(FOLLOW_UP, HISTORY).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(KizunaError);
    expect((error as KizunaError).code).toBe('PROVIDER_UNAVAILABLE');
    expect((error as KizunaError).message).not.toContain(API_KEY);
  });
});

describe('createQuestionCondenser with Ollama', () => {
  let server: FakeOllamaServer;

  beforeAll(async () => {
    server = await startFakeOllamaServer({ reply: () => REWRITE });
  });
  afterAll(async () => {
    await server.close();
  });

  it('rewrites a follow-up with the local chat model', async () => {
    const condense = createQuestionCondenser({
      config: loadConfig({
        ANSWER_PROVIDER: 'ollama',
        OLLAMA_BASE_URL: server.url,
        CHAT_MODEL: 'local-model',
      }),
      prompts,
      logger: silentLogger,
    });

    expect(await condense(FOLLOW_UP, HISTORY)).toBe(REWRITE);
    const body = server.requests[0]?.body as OllamaChatRequestBody;
    expect(body.model).toBe('local-model');
    expect(body.messages.map((message) => message.content).join('\n')).toContain(FOLLOW_UP);
  });
});
