import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createKizuna } from '../../src/core/create-kizuna.js';
import { silentLogger } from '../../src/core/logger.js';
import type { KizunaService } from '../../src/core/service/kizuna-service.js';
import { startFakeOllamaServer, startFakeOpenAiServer } from '../support/fake-model-servers/index.js';

let workDir: string;

/** A private copy of the real knowledge and a fresh index folder, so tests can edit and break them. */
async function workspace(name: string) {
  const root = join(workDir, name);
  const knowledgeDir = join(root, 'knowledge');
  await cp('knowledge', knowledgeDir, { recursive: true });
  return { knowledgeDir, indexDir: join(root, 'index') };
}

async function start(
  name: string,
  env: Record<string, string> = {},
): Promise<KizunaService & { dirs: { knowledgeDir: string; indexDir: string } }> {
  const dirs = await workspace(name);
  const core = await createKizuna({
    config: loadConfig({
      KNOWLEDGE_DIR: dirs.knowledgeDir,
      INDEX_DIR: dirs.indexDir,
      LOG_LEVEL: 'silent',
      ...env,
    }),
    logger: silentLogger,
  });
  return Object.assign(core, { dirs });
}

const SHEET_2019 = '2019-05-25-us-japan-partnership.md';

function dirsEnv(dirs: { knowledgeDir: string; indexDir: string }): Record<string, string> {
  return { KNOWLEDGE_DIR: dirs.knowledgeDir, INDEX_DIR: dirs.indexDir };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kizuna-core-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('createKizuna (offline default)', () => {
  let core: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    core = await start('offline');
  });

  it('GIVEN a question the sheets answer THEN it answers with their words and cites sheet, date and section', async () => {
    const answer = await core.ask({ question: 'What does Reiwa mean?' });
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/beautiful harmony.*\[1\]/);
    expect(answer.citations[0]).toMatchObject({
      marker: 1,
      documentId: '2019-05-25-us-japan-partnership',
      displayDate: 'May 25, 2019',
      section: 'A HISTORIC NEW ERA',
    });
    expect(answer.citations[0]?.passage).toContain('"Reiwa,"which means "beautiful harmony."');
  });

  it('GIVEN a near-domain question THEN it refuses plainly and names what is missing', async () => {
    const answer = await core.ask({ question: 'Did Japan join the Trans-Pacific Partnership?' });
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain("don't mention the Trans-Pacific Partnership");
  });

  it('GIVEN empty or over-long input THEN it throws a KizunaError and counts nothing', async () => {
    const before = core.status();
    await expect(core.ask({ question: '   ' })).rejects.toMatchObject({ code: 'EMPTY_QUESTION' });
    await expect(core.ask({ question: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'QUESTION_TOO_LONG',
    });
    const after = core.status();
    expect(after.questionsAnswered + after.questionsRefused).toBe(
      before.questionsAnswered + before.questionsRefused,
    );
  });

  it('lists the sources with passage and quotation counts, and finds quotations by speaker', () => {
    const sources = core.sources();
    expect(sources.map((source) => source.documentId)).toEqual([
      '2018-us-japan-friendship',
      '2019-05-25-us-japan-partnership',
    ]);
    expect(sources.every((source) => source.passageCount > 10)).toBe(true);
    expect(core.quote({ speaker: 'Abe' })?.quotation.speaker).toBe('Prime Minister Shinzo Abe');
    expect(core.speakers()).toContain('President Donald J. Trump');
  });

  it('GIVEN a second start on the same index folder THEN the saved index is loaded, not rebuilt', async () => {
    const again = await createKizuna({
      config: loadConfig({
        KNOWLEDGE_DIR: core.dirs.knowledgeDir,
        INDEX_DIR: core.dirs.indexDir,
        LOG_LEVEL: 'silent',
      }),
      logger: silentLogger,
    });
    expect(again.status().indexOrigin).toBe('loaded from disk');
  });
});

describe('reload', () => {
  it('GIVEN nothing changed THEN nothing is embedded and everything is kept', async () => {
    const core = await start('reload-same');
    const report = await core.reload();
    expect(report).toMatchObject({ added: 0, removed: 0, changed: 0, embedded: 0 });
    expect(report.kept).toBe(core.status().passageCount);
    expect(core.status().lastReload?.ok).toBe(true);
  });

  it('GIVEN one passage reworded THEN exactly one is embedded and the new words are served', async () => {
    const core = await start('reload-one');
    const file = join(core.dirs.knowledgeDir, SHEET_2019);
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(
        "accelerating NASA's return to the Moon",
        "accelerating NASA's return to the Moon and on to Mars",
      ),
    );
    const report = await core.reload();
    expect(report).toMatchObject({ changed: 1, added: 0, removed: 0, embedded: 1 });
    expect(report.fingerprint).not.toBe(report.previousFingerprint);
    const answer = await core.ask({ question: 'What are the two countries doing about Mars and the Moon?' });
    expect(answer.citations.some((citation) => citation.passage.includes('on to Mars'))).toBe(true);
    // No full rebuild: the main graph was kept and the reworded passage went into a delta beside it.
    expect(core.status().indexOrigin).toMatch(
      /^updated \(knowledge changed; 1 embedded, 1 beside the main graph\)/,
    );

    // The saved update is what a restart loads, and it answers the same.
    const restarted = await createKizuna({
      config: loadConfig({ ...dirsEnv(core.dirs), LOG_LEVEL: 'silent' }),
      logger: silentLogger,
    });
    expect(restarted.status().indexOrigin).toBe('loaded from disk');
    const again = await restarted.ask({
      question: 'What are the two countries doing about Mars and the Moon?',
    });
    expect(again.text).toBe(answer.text);
  });

  it('GIVEN a broken knowledge file THEN the reload fails with the reason and the old knowledge keeps serving', async () => {
    const core = await start('reload-broken');
    const before = core.status().fingerprint;
    await writeFile(join(core.dirs.knowledgeDir, SHEET_2019), 'no front matter here\n');
    await expect(core.reload()).rejects.toMatchObject({
      code: 'RELOAD_FAILED',
      message: expect.stringContaining(SHEET_2019),
    });
    expect(core.status().fingerprint).toBe(before);
    expect(core.status().lastReload).toMatchObject({ ok: false });
    expect((await core.ask({ question: 'What does Reiwa mean?' })).answered).toBe(true);
  });

  it('GIVEN concurrent reloads THEN they run one after another and questions are answered meanwhile', async () => {
    const core = await start('reload-concurrent');
    const reloads = [core.reload(), core.reload(), core.reload()];
    const answer = await core.ask({ question: 'How many American jobs do Japanese companies support?' });
    expect(answer.answered).toBe(true);
    const reports = await Promise.all(reloads);
    expect(reports.map((report) => report.embedded)).toEqual([0, 0, 0]);
  });
});

describe('createKizuna with model providers (fake servers on 127.0.0.1)', () => {
  it('GIVEN ANSWER_PROVIDER=openai THEN the model answers from numbered passages and its markers become citations', async () => {
    const server = await startFakeOpenAiServer({
      apiKey: 'sk-test',
      reply: () => 'Reiwa means "beautiful harmony" [1].',
    });
    try {
      const core = await start('openai', {
        ANSWER_PROVIDER: 'openai',
        OPENAI_BASE_URL: server.url,
        OPENAI_API_KEY: 'sk-test',
      });
      const answer = await core.ask({ question: 'What does Reiwa mean?' });
      expect(answer.answerer).toBe('openai:gpt-4o-mini');
      expect(answer.text).toBe('Reiwa means "beautiful harmony" [1].');
      expect(answer.citations[0]?.passage).toContain('beautiful harmony');
      expect(JSON.stringify(server.requests.at(-1)?.body)).toContain('beautiful harmony');
    } finally {
      await server.close();
    }
  });

  it('GIVEN the model fails THEN the question is still answered, extractively', async () => {
    const server = await startFakeOpenAiServer({
      reply: () => ({ status: 500, body: { error: { message: 'boom' } } }),
    });
    try {
      const core = await start('openai-down', {
        ANSWER_PROVIDER: 'openai',
        OPENAI_BASE_URL: server.url,
        OPENAI_API_KEY: 'sk-test',
      });
      const answer = await core.ask({ question: 'What does Reiwa mean?' });
      expect(answer.answered).toBe(true);
      expect(answer.answerer).toBe('extractive');
    } finally {
      await server.close();
    }
  });

  it('GIVEN EMBEDDINGS_PROVIDER=ollama THEN the index is built from the server’s vectors and named after its model', async () => {
    const server = await startFakeOllamaServer({ embeddingDimensions: 16 });
    try {
      const core = await start('ollama', { EMBEDDINGS_PROVIDER: 'ollama', OLLAMA_BASE_URL: server.url });
      expect(core.status().embedder).toBe('ollama:nomic-embed-text');
      expect(server.requests.some((request) => request.path === '/api/embed')).toBe(true);
      expect((await core.ask({ question: 'What does Reiwa mean?' })).citations.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('GIVEN a broken prompt file THEN start-up stops, naming the file', async () => {
    const dirs = await workspace('bad-prompts');
    const promptsDir = join(workDir, 'bad-prompts', 'prompts');
    await cp('prompts', promptsDir, { recursive: true });
    await writeFile(join(promptsDir, 'answer.md'), '');
    await expect(
      createKizuna({
        config: loadConfig({
          KNOWLEDGE_DIR: dirs.knowledgeDir,
          INDEX_DIR: dirs.indexDir,
          PROMPTS_DIR: promptsDir,
        }),
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({ code: 'PROMPT_INVALID', message: expect.stringContaining('answer.md') });
  });
});

describe('createKizuna with forceRebuild', () => {
  it('GIVEN a saved index and a rebuild asked for THEN the origin says it was asked for, not that none was saved', async () => {
    const first = await start('force-rebuild');
    const again = await createKizuna({
      config: loadConfig({
        KNOWLEDGE_DIR: first.dirs.knowledgeDir,
        INDEX_DIR: first.dirs.indexDir,
        LOG_LEVEL: 'silent',
      }),
      logger: silentLogger,
      forceRebuild: true,
    });
    expect(again.status().indexOrigin).toBe('rebuilt (a rebuild was asked for)');
  });
});
