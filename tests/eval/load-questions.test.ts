import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  QuestionSetError,
  findKindShortfalls,
  findPassagesMissingFromKnowledge,
  loadQuestions,
  parseQuestions,
  type EvalQuestion,
} from '../../src/eval/load-questions.js';

const direct = {
  id: 'jobs-direct-1',
  kind: 'direct',
  question: 'How many jobs?',
  answerable: true,
  expectedPassages: ['850,000 American jobs'],
  keyFacts: ['850,000'],
};
const refusal = { id: 'weather-oos-1', kind: 'out-of-scope', question: 'Weather?', answerable: false };

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseQuestions(raw);
  } catch (error) {
    if (error instanceof QuestionSetError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseQuestions', () => {
  it('accepts a consistent set', () => {
    expect(parseQuestions([direct, refusal]).map((q) => q.id)).toEqual(['jobs-direct-1', 'weather-oos-1']);
  });

  it('refuses duplicate ids', () => {
    expect(problemsOf([direct, { ...direct }])).toEqual(['jobs-direct-1: duplicate id']);
  });

  it('refuses an answerable question without expected passages', () => {
    expect(problemsOf([{ ...direct, expectedPassages: [] }])).toEqual([
      'jobs-direct-1: an answerable question needs at least one expectedPassages entry',
    ]);
  });

  it('refuses expected passages on an unanswerable question', () => {
    expect(problemsOf([{ ...refusal, expectedPassages: ['x'] }])).toEqual([
      'weather-oos-1: an unanswerable question has no expectedPassages',
    ]);
  });

  it('refuses an answerable flag that contradicts the kind', () => {
    expect(problemsOf([{ ...refusal, answerable: true, expectedPassages: ['x'], keyFacts: [] }])).toEqual([
      'weather-oos-1: kind "out-of-scope" must have answerable: false',
    ]);
  });

  it('requires two documents on cross-sheet questions and none elsewhere', () => {
    expect(problemsOf([{ ...direct, id: 'c-1', kind: 'cross-sheet', expectedDocuments: ['a'] }])).toEqual([
      'c-1: a cross-sheet question needs at least two distinct expectedDocuments',
    ]);
    expect(problemsOf([{ ...direct, expectedDocuments: ['a', 'b'] }])).toEqual([
      'jobs-direct-1: expectedDocuments is only for cross-sheet and overview questions',
    ]);
  });

  it('requires a history on follow-up questions', () => {
    expect(problemsOf([{ ...direct, id: 'f-1', kind: 'follow-up' }])).toEqual([
      'f-1: a follow-up question needs a history',
    ]);
  });

  it('names the entry and field of a schema error, and rejects unknown fields', () => {
    const problems = problemsOf([direct, { ...refusal, kind: 'trivia', answer: 'x' }]);
    expect(problems.some((p) => p.startsWith('weather-oos-1.kind:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('weather-oos-1:') && p.includes('answer'))).toBe(true);
  });
});

describe('loadQuestions', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads and validates a file, naming the file when it is not JSON', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kizuna-eval-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, JSON.stringify([direct]));
    await writeFile(bad, '[{');
    await expect(loadQuestions(good)).resolves.toHaveLength(1);
    await expect(loadQuestions(bad)).rejects.toThrow(bad);
  });
});

describe('findKindShortfalls', () => {
  it('lists kinds with fewer questions than their minimum', () => {
    const questions = parseQuestions([direct, refusal]);
    const shortfalls = findKindShortfalls(questions);
    expect(shortfalls).toContainEqual({ kind: 'direct', found: 1, minimum: 12 });
    expect(shortfalls).toContainEqual({ kind: 'typo', found: 0, minimum: 8 });
  });
});

describe('findPassagesMissingFromKnowledge', () => {
  it('requires each expected passage verbatim inside a single passage', () => {
    const questions: EvalQuestion[] = [
      {
        ...(direct as EvalQuestion),
        expectedPassages: ['850,000 American jobs', '850,000 american jobs', 'jobs. Major'],
      },
    ];
    const passages = [
      'Japanese companies support over 850,000 American jobs.',
      'Major Japanese companies invested.',
    ];
    expect(findPassagesMissingFromKnowledge(questions, passages)).toEqual([
      { questionId: 'jobs-direct-1', expectedPassage: '850,000 american jobs' },
      { questionId: 'jobs-direct-1', expectedPassage: 'jobs. Major' },
    ]);
  });
});
