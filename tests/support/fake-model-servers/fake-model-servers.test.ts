import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.js';
import { fakeVector } from './fake-vectors.js';

describe('startFakeOpenAiServer', () => {
  let server: FakeOpenAiServer;

  beforeAll(async () => {
    server = await startFakeOpenAiServer({
      apiKey: 'sk-fake',
      reply: () => 'Streamed words arrive [1].',
      embeddingDimensions: 4,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('streams a chat completion as server-sent events when asked to', async () => {
    const model = new ChatOpenAI({
      model: 'm',
      apiKey: 'sk-fake',
      configuration: { baseURL: server.url },
      maxRetries: 0,
    });

    let text = '';
    for await (const chunk of await model.stream('hello')) text += chunk.text;

    expect(text).toBe('Streamed words arrive [1].');
    expect(server.requests.at(-1)?.body).toMatchObject({ stream: true });
  });

  it('GIVEN streamFrameIntervalMs THEN the words of a streamed reply arrive spread out in time', async () => {
    const slow = await startFakeOpenAiServer({
      reply: () => 'One two three four.',
      streamFrameIntervalMs: 60,
    });
    try {
      const model = new ChatOpenAI({
        model: 'm',
        apiKey: 'sk-fake',
        configuration: { baseURL: slow.url },
        maxRetries: 0,
      });
      const arrivals: number[] = [];
      let text = '';
      for await (const chunk of await model.stream('hello')) {
        if (chunk.text) arrivals.push(performance.now());
        text += chunk.text;
      }
      expect(text).toBe('One two three four.');
      expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(150);
    } finally {
      await slow.close();
    }
  });

  it('returns float vectors when the client asks for encoding_format "float"', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'e',
      apiKey: 'sk-fake',
      configuration: { baseURL: server.url },
      encodingFormat: 'float',
      maxRetries: 0,
    });

    expect(await embeddings.embedQuery('text')).toEqual(fakeVector('text', 4));
  });

  it('answers unknown paths with an OpenAI-shaped 404', async () => {
    const response = await fetch(`${server.url}/nothing`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-fake' },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('/v1/nothing') },
    });
  });
});
