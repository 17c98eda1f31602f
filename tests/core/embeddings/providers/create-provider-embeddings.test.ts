import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../../../src/config/load-config.js';
import { createProviderEmbeddings } from '../../../../src/core/embeddings/providers/create-provider-embeddings.js';
import { describeEmbeddings } from '../../../../src/core/embeddings/providers/provider-embeddings.js';
import { KizunaError } from '../../../../src/core/errors.js';
import type { FakeHttpResponse } from '../../../support/fake-model-servers/fake-http-server.js';
import {
  ollamaError,
  startFakeOllamaServer,
  type FakeOllamaServer,
  type OllamaEmbedRequestBody,
} from '../../../support/fake-model-servers/fake-ollama-server.js';
import {
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type OpenAiEmbeddingsRequestBody,
} from '../../../support/fake-model-servers/fake-openai-server.js';
import { fakeVector } from '../../../support/fake-model-servers/fake-vectors.js';

const API_KEY = 'sk-test-embeddings-0123456789';
const OPENAI_DIMENSIONS = 12;
const OLLAMA_DIMENSIONS = 7;

async function rejection(promise: Promise<unknown>): Promise<KizunaError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KizunaError);
  return error as KizunaError;
}

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 5));
}

describe('createProviderEmbeddings with OpenAI', () => {
  let server: FakeOpenAiServer;
  let override: (body: OpenAiEmbeddingsRequestBody) => FakeHttpResponse | undefined;

  const embeddings = (
    env: Record<string, string> = {},
    options: { maxRetries?: number; batchSize?: number } = { maxRetries: 0 },
  ) =>
    createProviderEmbeddings(
      loadConfig({
        EMBEDDINGS_PROVIDER: 'openai',
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: '1000',
        ...env,
      }),
      options,
    );

  beforeAll(async () => {
    server = await startFakeOpenAiServer({
      apiKey: API_KEY,
      embeddingDimensions: OPENAI_DIMENSIONS,
      embeddings: (body) => override(body),
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    override = () => undefined;
  });

  it('returns one vector of the server’s size per text, in order', async () => {
    const vectors = await embeddings().embedDocuments(['first text', 'second text']);

    expect(vectors).toHaveLength(2);
    expectClose(vectors[0] as number[], fakeVector('first text', OPENAI_DIMENSIONS));
    expectClose(vectors[1] as number[], fakeVector('second text', OPENAI_DIMENSIONS));
    expectClose(await embeddings().embedQuery('a query'), fakeVector('a query', OPENAI_DIMENSIONS));
  });

  it('sends the key and the default model to /v1/embeddings', async () => {
    await embeddings().embedQuery('a query');

    const [request] = server.requests;
    expect(request?.path).toBe('/v1/embeddings');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect((request?.body as OpenAiEmbeddingsRequestBody).model).toBe('text-embedding-3-small');
  });

  it('describes itself by provider, model and host, learning the dimensions from a probe', async () => {
    const subject = embeddings();

    expect(() => subject.describe()).toThrow(/probe/);
    const identity = await describeEmbeddings(subject);

    expect(identity).toEqual({
      id: 'openai:text-embedding-3-small',
      dimensions: OPENAI_DIMENSIONS,
      params: { host: new URL(server.url).host, stripNewLines: true },
    });
    expect(subject.describe()).toEqual(identity);
    expect(JSON.stringify(identity)).not.toContain(API_KEY);
    await subject.probe();
    expect(server.requests).toHaveLength(1);
  });

  it('learns the dimensions from ordinary embedding calls without an extra probe', async () => {
    const subject = embeddings({ EMBEDDINGS_MODEL: 'custom-embedder' });
    await subject.embedDocuments(['one text']);

    expect(subject.describe()).toMatchObject({ id: 'openai:custom-embedder', dimensions: OPENAI_DIMENSIONS });
    await subject.probe();
    expect(server.requests).toHaveLength(1);
  });

  it('sends large inputs in batches', async () => {
    const texts = Array.from({ length: 5 }, (_, index) => `text ${index}`);

    const vectors = await embeddings({}, { maxRetries: 0, batchSize: 2 }).embedDocuments(texts);

    expect(vectors).toHaveLength(5);
    expect(server.requests.map((request) => (request.body as OpenAiEmbeddingsRequestBody).input)).toEqual([
      ['text 0', 'text 1'],
      ['text 2', 'text 3'],
      ['text 4'],
    ]);
  });

  it('embeds nothing without calling the server', async () => {
    expect(await embeddings().embedDocuments([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('turns a server error into PROVIDER_UNAVAILABLE naming the host, without the key', async () => {
    override = () => openAiError(500, `internal failure for key ${API_KEY}`);

    const error = await rejection(embeddings().embedQuery('a query'));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(
      new RegExp(`^The embeddings provider at ${new URL(server.url).host} did not answer: HTTP 500`),
    );
    expect(error.message).not.toContain(API_KEY);
  });

  it('turns a rejected key into PROVIDER_UNAVAILABLE without repeating it', async () => {
    const wrongKey = 'sk-wrong-embeddings-key-4242';

    const error = await rejection(embeddings({ OPENAI_API_KEY: wrongKey }).embedQuery('a query'));

    expect(error.message).toMatch(/HTTP 401/);
    expect(error.message).not.toContain(wrongKey);
  });

  it('gives up after MODEL_TIMEOUT_MS', async () => {
    override = () => ({ status: 200, body: {}, delayMs: 5_000 });

    const error = await rejection(embeddings().embedQuery('a query'));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/no reply within 1000 ms/);
  });

  it('refuses vectors whose size changes between calls', async () => {
    const subject = embeddings();
    await subject.embedQuery('a query');
    override = (body) => ({
      status: 200,
      body: {
        object: 'list',
        data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
        model: body.model,
        usage: {},
      },
    });

    const error = await rejection(subject.embedQuery('another query'));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/2 dimensions where earlier ones had 12/);
  });

  it('refuses a response with fewer vectors than texts', async () => {
    override = (body) => ({ status: 200, body: { object: 'list', data: [], model: body.model, usage: {} } });

    const error = await rejection(embeddings().embedDocuments(['one', 'two']));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('createProviderEmbeddings with Ollama', () => {
  let server: FakeOllamaServer;
  let override: (body: OllamaEmbedRequestBody) => FakeHttpResponse | undefined;

  const embeddings = (env: Record<string, string> = {}) =>
    createProviderEmbeddings(
      loadConfig({
        EMBEDDINGS_PROVIDER: 'ollama',
        OLLAMA_BASE_URL: server.url,
        MODEL_TIMEOUT_MS: '1000',
        ...env,
      }),
      {
        maxRetries: 0,
      },
    );

  beforeAll(async () => {
    server = await startFakeOllamaServer({
      embeddingDimensions: OLLAMA_DIMENSIONS,
      embeddings: (body) => override(body),
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
    override = () => undefined;
  });

  it('returns one vector of the server’s size per text, from /api/embed with the default model', async () => {
    const vectors = await embeddings().embedDocuments(['first text', 'second text']);

    expectClose(vectors[0] as number[], fakeVector('first text', OLLAMA_DIMENSIONS));
    expectClose(vectors[1] as number[], fakeVector('second text', OLLAMA_DIMENSIONS));
    const [request] = server.requests;
    expect(request?.path).toBe('/api/embed');
    expect(request?.body).toMatchObject({ model: 'nomic-embed-text', input: ['first text', 'second text'] });
  });

  it('describes itself as ollama:<model> with the server host and the learned dimensions', async () => {
    const identity = await describeEmbeddings(embeddings({ EMBEDDINGS_MODEL: 'mxbai-embed-large' }));

    expect(identity).toEqual({
      id: 'ollama:mxbai-embed-large',
      dimensions: OLLAMA_DIMENSIONS,
      params: { host: new URL(server.url).host },
    });
  });

  it('turns a missing model into PROVIDER_UNAVAILABLE with the server’s explanation', async () => {
    override = (body) => ollamaError(404, `model "${body.model}" not found, try pulling it first`);

    const error = await rejection(embeddings().embedQuery('a query'));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/HTTP 404 .*nomic-embed-text.*not found/);
  });

  it('gives up after MODEL_TIMEOUT_MS', async () => {
    override = () => ({ status: 200, body: {}, delayMs: 5_000 });

    const error = await rejection(embeddings().embedQuery('a query'));

    expect(error.message).toMatch(/no reply within 1000 ms/);
  });

  it('refuses vectors that contain something other than numbers', async () => {
    override = (body) => ({ status: 200, body: { model: body.model, embeddings: [['not', 'numbers']] } });

    const error = await rejection(embeddings().embedQuery('a query'));

    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toMatch(/finite numbers/);
  });
});
