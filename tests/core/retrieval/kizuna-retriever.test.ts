import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { createKizuna } from '../../../src/core/create-kizuna.js';
import { silentLogger } from '../../../src/core/logger.js';
import { KizunaRetriever } from '../../../src/core/retrieval/kizuna-retriever.js';
import type { KizunaService } from '../../../src/core/service/kizuna-service.js';

let workDir: string;
let core: KizunaService;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kizuna-retriever-'));
  await cp('knowledge', join(workDir, 'knowledge'), { recursive: true });
  core = await createKizuna({
    config: loadConfig({
      KNOWLEDGE_DIR: join(workDir, 'knowledge'),
      INDEX_DIR: join(workDir, 'index'),
      LOG_LEVEL: 'silent',
    }),
    logger: silentLogger,
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
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
