import { describe, expect, it } from 'vitest';

import { KizunaError } from '../../src/core/errors.js';
import type { EvalQuestion } from '../../src/eval/load-questions.js';
import { hasRetrieve, runQuestions } from '../../src/eval/run-questions.js';
import { answered, citation, createFakeCore, refusal } from '../support/fake-core.js';

const questions: EvalQuestion[] = [
  {
    id: 'jobs-direct-1',
    kind: 'direct',
    question: 'How many jobs?',
    answerable: true,
    expectedPassages: ['850,000 American jobs'],
    keyFacts: ['850,000'],
  },
  {
    id: 'jobs-followup-1',
    kind: 'follow-up',
    question: 'And in Alabama?',
    answerable: true,
    expectedPassages: ['4,000 American jobs'],
    keyFacts: ['4,000'],
    history: [
      { role: 'user', text: 'How many jobs?' },
      { role: 'assistant', text: '850,000 [1].' },
    ],
  },
  { id: 'weather-oos-1', kind: 'out-of-scope', question: 'Weather?', answerable: false },
];

describe('runQuestions', () => {
  it('asks each question in order, passing the history of follow-ups', async () => {
    const core = createFakeCore({ answer: () => refusal() });
    await runQuestions(core, questions);
    expect(core.asked.map((r) => r.question)).toEqual(['How many jobs?', 'And in Alabama?', 'Weather?']);
    expect(core.asked[0]?.history).toBeUndefined();
    expect(core.asked[1]?.history).toHaveLength(2);
  });

  it('asks one question at a time', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const core = createFakeCore({
      answer: async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return refusal();
      },
    });
    await runQuestions(core, questions);
    expect(maxInFlight).toBe(1);
  });

  it('records an error against its question and carries on', async () => {
    const core = createFakeCore({
      answer: (request) => {
        if (request.question === 'How many jobs?') throw new KizunaError('INVALID_INPUT', 'bad question');
        return refusal();
      },
    });
    const results = await runQuestions(core, questions);
    expect(results[0]?.error).toBe('INVALID_INPUT: bad question');
    expect(results[2]?.correct).toBe(true);
  });

  it('measures retrieval only when the core can retrieve, skipping follow-ups and unanswerable questions', async () => {
    const plain = createFakeCore({ answer: () => refusal() });
    expect(hasRetrieve(plain)).toBe(false);
    expect((await runQuestions(plain, questions)).map((r) => r.retrieval)).toEqual([null, null, null]);

    const probed: string[] = [];
    const retrieving = Object.assign(
      createFakeCore({
        answer: () =>
          answered({
            text: '850,000 [1]',
            citations: [citation({ marker: 1, passage: 'over 850,000 American jobs', documentId: 'doc-a' })],
          }),
      }),
      {
        retrieve: async (question: string, k: number) => {
          probed.push(question);
          return [{ passage: { id: 'p1', text: 'over 850,000 American jobs' } }].slice(0, k);
        },
      },
    );
    expect(hasRetrieve(retrieving)).toBe(true);
    const results = await runQuestions(retrieving, questions);
    expect(probed).toEqual(['How many jobs?']);
    expect(results[0]?.retrieval).toEqual({ recallAt1: true, recallAt3: true, topPassageIds: ['p1'] });
    expect(results[1]?.retrieval).toBeNull();
  });

  it('reports progress after each question', async () => {
    const seen: string[] = [];
    await runQuestions(createFakeCore({ answer: () => refusal() }), questions, {
      onResult: (result, done, total) => seen.push(`${result.id} ${done}/${total}`),
    });
    expect(seen).toEqual(['jobs-direct-1 1/3', 'jobs-followup-1 2/3', 'weather-oos-1 3/3']);
  });
});
