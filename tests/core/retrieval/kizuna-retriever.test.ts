import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KizunaRetriever } from '../../../src/core/retrieval/kizuna-retriever.js';
import { startRealCore } from '../../support/real-core.js';
import type { KizunaService } from '../../../src/core/service/kizuna-service.js';

let core: KizunaService;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ core, dispose: close } = await startRealCore());
});

afterAll(async () => {
  await close();
});

describe('KizunaRetriever (LangChain BaseRetriever)', () => {
  it('GIVEN a question through invoke THEN the passages come back as Documents with their citation metadata, best first', async () => {
    const retriever = new KizunaRetriever({ retrieve: (question, k) => core.retrieve(question, k), k: 3 });
    const documents = await retriever.invoke('What does Reiwa mean?');
    expect(documents).toHaveLength(3);
    expect(documents[0]?.pageContent).toContain('beautiful harmony');
    expect(documents[0]?.metadata).toMatchObject({
      documentId: '2019-05-25-us-japan-partnership',
      section: 'A HISTORIC NEW ERA',
    });
    const scores = documents.map((document) => document.metadata.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('GIVEN a callback handler THEN LangChain reports the retriever run to it', async () => {
    const started: string[] = [];
    const retriever = new KizunaRetriever({ retrieve: (question, k) => core.retrieve(question, k) });
    await retriever.invoke('How many American jobs?', {
      callbacks: [{ handleRetrieverStart: (_r: unknown, query: string) => void started.push(query) }],
    });
    expect(started).toEqual(['How many American jobs?']);
  });
});
