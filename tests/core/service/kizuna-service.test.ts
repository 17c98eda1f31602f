import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createExtractiveAnswerer } from '../../../src/core/answer/extractive-answerer.js';
import type { Answerer } from '../../../src/core/answer/answerer.js';
import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
import { defaultWordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';
import { KizunaError, type KizunaErrorCode } from '../../../src/core/errors.js';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
import { loadGlossaryIfPresent } from '../../../src/core/language/load-glossary.js';
import { silentLogger } from '../../../src/core/logger.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';
import { createCoverageWordTable } from '../../../src/core/retrieval/coverage-word-table.js';
import { KizunaService } from '../../../src/core/service/kizuna-service.js';
import { EMPTY_LEXICON } from '../../../src/core/service/lexicon.js';
import type { Answer } from '../../../src/core/types.js';
import { openPassageIndex } from '../../../src/core/vector-index/open-passage-index.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-model-servers/index.js';
import { startRealCore, type RealCore } from '../../support/real-core.js';

/**
 * `KizunaService.ask` on the real fact sheets: every way a question is turned away (each with its
 * outcome, no passage passed off as an answer, and the refusal counted), and what happens when the
 * answerer asked (a model) fails: the offline answer stands in and says why. The stages have their own
 * specs; `answering.test.ts` has many more examples of real input.
 */
let real: RealCore;
beforeAll(async () => {
  real = await startRealCore();
});
afterAll(async () => {
  await real.dispose();
});

async function rejection(question: unknown): Promise<KizunaError> {
  const error = await real.core.ask({ question: question as string }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KizunaError);
  return error as KizunaError;
}

describe('KizunaService.ask: input it refuses before answering (KizunaError, nothing counted)', () => {
  it.each<{ what: string; question: unknown; code: KizunaErrorCode }>([
    { what: 'an empty question', question: '', code: 'EMPTY_QUESTION' },
    { what: 'only whitespace and control characters', question: ' \n\t\u0007 ', code: 'EMPTY_QUESTION' },
    { what: 'a question over MAX_QUESTION_LENGTH', question: 'Why? '.repeat(200), code: 'QUESTION_TOO_LONG' },
    { what: 'something that is not text', question: 42, code: 'INVALID_INPUT' },
  ])('GIVEN $what THEN it rejects with $code', async ({ question, code }) => {
    const before = real.core.status();
    expect((await rejection(question)).code).toBe(code);
    const after = real.core.status();
    expect([after.questionsAnswered, after.questionsRefused]).toEqual([
      before.questionsAnswered,
      before.questionsRefused,
    ]);
  });
});

describe('KizunaService.ask: questions it does not answer (answered false, outcome says why, refusal counted)', () => {
  async function refused(question: string): Promise<Answer> {
    const before = real.core.status().questionsRefused;
    const answer = await real.core.ask({ question });
    expect(answer.answered).toBe(false);
    expect(real.core.status().questionsRefused).toBe(before + 1);
    return answer;
  }

  it('GIVEN a subject the sheets never mention THEN not-covered, naming it, with no citation', async () => {
    const answer = await refused('Is Japan part of the Trans-Pacific Partnership?');
    expect(answer.outcome).toBe('not-covered');
    expect(answer.text).toMatch(/^The fact sheets don't mention the Trans-Pacific Partnership\./u);
    expect(answer.missingTerms).toEqual(['the Trans-Pacific Partnership']);
    expect(answer.citations).toEqual([]);
  });

  it('GIVEN a detail the sheets do not give THEN related: the closest passage, cited, not passed off as an answer', async () => {
    const answer = await refused('which city in Alabama is the Toyota-Mazda plant going in?');
    expect(answer.outcome).toBe('related');
    expect(answer.text).toMatch(/^The fact sheets don't say where\. The closest they come: .+\[1\]/su);
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]?.passage).toContain('Alabama');
  });

  it('GIVEN small talk THEN chit-chat: a friendly reply with an example, no citation', async () => {
    const answer = await refused('thanks!');
    expect(answer.outcome).toBe('chit-chat');
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain('Reiwa');
  });

  it('GIVEN keyboard mash THEN unclear: it asks what the person would like to know', async () => {
    const answer = await refused('asdfgh qwerty');
    expect(answer.outcome).toBe('unclear');
    expect(answer.text).toMatch(/^Could you say what you would like to know\?/u);
    expect(answer.citations).toEqual([]);
  });

  it('GIVEN a language other than English or Japanese THEN unsupported-language, said in both', async () => {
    const answer = await refused('Que signifie Reiwa ?');
    expect(answer.outcome).toBe('unsupported-language');
    expect(answer.text).toContain('English or Japanese');
    expect(answer.text).toMatch(/[\u3040-\u30ff]/u);
    expect(answer.citations).toEqual([]);
  });
});

describe('KizunaService.ask: an answer', () => {
  it('GIVEN a question the sheets answer THEN answered, counted, each [n] marker a citation of the passage it quotes', async () => {
    const before = real.core.status().questionsAnswered;
    const answer = await real.core.ask({ question: 'What does Reiwa mean?' });
    expect(answer).toMatchObject({ answered: true, outcome: 'answered', answerer: 'extractive' });
    expect(answer.fallbackReason).toBeUndefined();
    expect(real.core.status().questionsAnswered).toBe(before + 1);
    const markers = [...answer.text.matchAll(/\[(\d+)\]/gu)].map((match) => Number(match[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) {
      const cited = answer.citations.find((citation) => citation.marker === marker);
      expect(cited?.passage).toContain('beautiful harmony');
    }
  });
});

describe('KizunaService.ask: when the model fails, the offline answer stands in and says why', () => {
  let model: FakeOpenAiServer;
  let reply: string | { status: number; body: unknown } = '';
  let withModel: RealCore;
  beforeAll(async () => {
    model = await startFakeOpenAiServer({ reply: () => reply });
    withModel = await startRealCore({
      ANSWER_PROVIDER: 'openai',
      CHAT_MODEL: 'fake-model',
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'sk-test',
      MODEL_TIMEOUT_MS: '5000',
    });
  });
  afterAll(async () => {
    await withModel.dispose();
    await model.close();
  });

  it('GIVEN the model answers from the passage THEN its answer, with no fallback', async () => {
    reply = 'Reiwa means "beautiful harmony." [1]';
    const answer = await withModel.core.ask({ question: 'What does Reiwa mean?' });
    expect(answer).toMatchObject({ answered: true, answerer: 'openai:fake-model' });
    expect(answer.fallbackReason).toBeUndefined();
  });

  it('GIVEN the model fails (HTTP 500, retried) THEN the extractive answer, cited, with the reason', async () => {
    reply = { status: 500, body: { error: { message: 'boom', type: 'server_error' } } };
    const answer = await withModel.core.ask({ question: 'What does Reiwa mean?' });
    expect(answer).toMatchObject({ answered: true, outcome: 'answered', answerer: 'extractive' });
    expect(answer.fallbackReason).toBe('the language model was unavailable');
    expect(answer.citations.some((citation) => citation.passage.includes('beautiful harmony'))).toBe(true);
  });

  it('GIVEN a model reply the passages do not support THEN the extractive answer, with the reason', async () => {
    reply = 'Reiwa was chosen by a committee of astronauts in 1850. [1]';
    const answer = await withModel.core.ask({ question: 'What does Reiwa mean?' });
    expect(answer).toMatchObject({ answered: true, answerer: 'extractive' });
    expect(answer.fallbackReason).toEqual(expect.any(String));
    expect(answer.text).toContain('beautiful harmony');
  });
});

describe('KizunaService.ask: an answerer that throws', () => {
  let dir: string;
  let service: KizunaService;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kizuna-service-'));
    const table = defaultWordVectorTable();
    const embeddings = createOfflineEmbeddings({ table });
    const throwing: Answerer = {
      id: 'broken-model',
      usesModel: true,
      answer: () => Promise.reject(new Error('socket hang up')),
    };
    service = await KizunaService.start({
      loadKnowledge: () => loadKnowledge(real.env.KNOWLEDGE_DIR!),
      loadLexicon: async () => ({
        aliases: await loadAliases(join(real.env.KNOWLEDGE_DIR!, 'aliases')),
        glossary: (await loadGlossaryIfPresent(real.env.KNOWLEDGE_DIR!)) ?? EMPTY_LEXICON.glossary,
      }),
      openIndex: async (knowledge) => {
        const opened = await openPassageIndex({
          dir,
          passages: knowledge.passages,
          embeddings,
          knowledgeFingerprint: knowledge.fingerprint,
          logger: silentLogger,
        });
        return { index: opened.index, origin: opened.origin, embedded: opened.embedded };
      },
      embedder: { id: embeddings.describe().id, embedQuery: (text) => embeddings.embedQuery(text) },
      answerer: throwing,
      fallbackAnswerer: createExtractiveAnswerer(),
      wordVectors: createCoverageWordTable(table),
      logger: silentLogger,
      maxQuestionLength: 500,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN the answerer throws THEN the fallback answerer answers, and the answer says the model failed', async () => {
    const answer = await service.ask({ question: 'What does Reiwa mean?' });
    expect(answer).toMatchObject({
      answered: true,
      answerer: 'extractive',
      fallbackReason: 'the language model failed',
    });
    expect(answer.text).toContain('beautiful harmony');
  });
});
