import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createKizuna } from '../../src/core/create-kizuna.js';
import { silentLogger } from '../../src/core/logger.js';
import type { OpenAiChatRequestBody } from '../support/fake-model-servers/fake-openai-server.js';
import { startFakeOpenAiServer } from '../support/fake-model-servers/index.js';

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kizuna-model-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function coreAgainst(url: string, name: string, env: Record<string, string> = {}) {
  const knowledgeDir = join(workDir, name, 'knowledge');
  await cp('knowledge', knowledgeDir, { recursive: true });
  return createKizuna({
    config: loadConfig({
      KNOWLEDGE_DIR: knowledgeDir,
      INDEX_DIR: join(workDir, name, 'index'),
      LOG_LEVEL: 'silent',
      ANSWER_PROVIDER: 'openai',
      OPENAI_BASE_URL: url,
      OPENAI_API_KEY: 'sk-test',
      ...env,
    }),
    logger: silentLogger,
  });
}

/** The marker the prompt gives the passage containing `words`, as a model reading it would cite it. */
function markerOf(body: OpenAiChatRequestBody, words: string): string {
  const prompt = JSON.stringify(body.messages);
  const at = prompt.indexOf(words);
  const markers = [...prompt.slice(0, at).matchAll(/\[(\d+)\]/g)];
  return `[${markers.at(-1)?.[1] ?? '?'}]`;
}

describe('model answers through the core (ANSWER_PROVIDER=openai against a server on 127.0.0.1)', () => {
  it('GIVEN a reply with an invented claim under a real citation and a mass mention THEN only the verified sentence is shown', async () => {
    const server = await startFakeOpenAiServer({
      reply: (body) =>
        `Reiwa means "beautiful harmony" ${markerOf(body, 'beautiful harmony')}. The alliance was formally dissolved in 2020 ${markerOf(body, 'beautiful harmony')}. @everyone see.`,
    });
    try {
      const core = await coreAgainst(server.url, 'hostile');
      const answer = await core.ask({ question: 'What does Reiwa mean?' });
      expect(answer.outcome).toBe('answered');
      expect(answer.text).toBe('Reiwa means "beautiful harmony" [1].');
      expect(answer.text).not.toContain('@everyone');
      expect(answer.citations[0]?.passage).toContain('beautiful harmony');
    } finally {
      await server.close();
    }
  });

  it('GIVEN every sentence of the reply unsupported THEN the offline answer stands in and says why', async () => {
    const server = await startFakeOpenAiServer({
      reply: () => 'Japanese companies support 950,000 American jobs [1].',
    });
    try {
      const core = await coreAgainst(server.url, 'number-changed');
      const answer = await core.ask({ question: 'How many American jobs do Japanese companies support?' });
      expect(answer.answered).toBe(true);
      expect(answer.answerer).toBe('extractive');
      expect(answer.text).toContain('850,000');
      expect(answer.fallbackReason).toMatch(/verified/);
    } finally {
      await server.close();
    }
  });

  it('GIVEN the model says the sheets do not answer THEN the reply is the honest refusal', async () => {
    const server = await startFakeOpenAiServer({ reply: () => 'NOT_IN_FACT_SHEETS' });
    try {
      const core = await coreAgainst(server.url, 'sentinel');
      const answer = await core.ask({ question: 'Which city in Alabama will the Toyota-Mazda plant be in?' });
      expect(answer.outcome).toBe('not-covered');
      expect(answer.citations).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('GIVEN a paraphrase the offline check would not answer THEN the model judges it, seeing every passage', async () => {
    const server = await startFakeOpenAiServer({
      reply: (body) =>
        `They are cooperating in space, including accelerating NASA's return to the Moon ${markerOf(body, 'return to the Moon')}.`,
    });
    try {
      const core = await coreAgainst(server.url, 'paraphrase');
      const answer = await core.ask({ question: 'any lunar stuff in there? teaming up on astronauts?' });
      expect(answer.outcome).toBe('answered');
      expect(answer.citations[0]?.passage).toContain('Moon');
      const prompt = JSON.stringify(server.requests.at(-1)?.body);
      expect(prompt).toContain('850,000');
      expect(prompt).toContain('Reiwa');
    } finally {
      await server.close();
    }
  });

  it('GIVEN a server that never answers THEN the offline answer arrives within the timeout, saying so, and status shows the failure', async () => {
    const server = await startFakeOpenAiServer({ reply: () => new Promise(() => undefined) });
    try {
      const core = await coreAgainst(server.url, 'hang', { MODEL_TIMEOUT_MS: '1000' });
      const started = performance.now();
      const answer = await core.ask({ question: 'What does Reiwa mean?' });
      expect(performance.now() - started).toBeLessThan(1000 + 1500);
      expect(answer.answered).toBe(true);
      expect(answer.fallbackReason).toMatch(/1000 ms/);
      expect(core.status().provider?.lastError).toBeDefined();
    } finally {
      await server.close();
    }
  });

  it('GIVEN a Japanese question THEN the model is asked in Japanese, and its Japanese answer is checked against the English passages', async () => {
    const server = await startFakeOpenAiServer({
      reply: (body) =>
        `令和は「beautiful harmony」という意味です${markerOf(body, 'beautiful harmony')}。日米同盟は2020年に解消されました${markerOf(body, 'beautiful harmony')}。`,
    });
    try {
      const core = await coreAgainst(server.url, 'japanese');
      const answer = await core.ask({ question: '令和とはどういう意味ですか？' });
      expect(answer.outcome).toBe('answered');
      expect(answer.language).toBe('ja');
      expect(answer.text).toBe('令和は「beautiful harmony」という意味です [1]。');
      expect(answer.text).not.toContain('解消');
      expect(answer.citations[0]?.passage).toContain('beautiful harmony');
      expect(JSON.stringify(server.requests.at(-1)?.body)).toContain('令和とはどういう意味ですか');
    } finally {
      await server.close();
    }
  });
});
