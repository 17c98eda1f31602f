import { describe, expect, it } from 'vitest';

import { isRecalled, measureRecall, recallQuestions } from '../../bench/recall.js';
import type { EvalQuestion } from '../../src/eval/load-questions.js';

const hit = (id: string, text: string) => ({ passage: { id, text } });
const realIds = new Set(['real#1', 'real#2']);

describe('isRecalled', () => {
  it('counts a real passage that contains an expected substring', () => {
    expect(
      isRecalled(
        [hit('syn#9', 'other'), hit('real#2', 'companies support over 850,000 jobs')],
        ['850,000 jobs'],
        realIds,
      ),
    ).toBe(true);
  });

  it('does not count a synthetic passage, even one with the expected words', () => {
    expect(isRecalled([hit('syn#9', 'companies support over 850,000 jobs')], ['850,000 jobs'], realIds)).toBe(
      false,
    );
  });

  it('does not count a real passage without the expected words', () => {
    expect(isRecalled([hit('real#1', 'something else')], ['850,000 jobs'], realIds)).toBe(false);
  });
});

describe('recallQuestions', () => {
  it('keeps answerable questions that stand alone, as the evaluation does', () => {
    const question = (
      id: string,
      kind: EvalQuestion['kind'],
      answerable: boolean,
      expected?: string[],
    ): EvalQuestion => ({
      id,
      kind,
      question: `question ${id}`,
      answerable,
      ...(expected ? { expectedPassages: expected } : {}),
    });
    const kept = recallQuestions([
      question('a', 'direct', true, ['x']),
      question('b', 'follow-up', true, ['y']),
      question('c', 'out-of-scope', false),
      question('d', 'typo', true, ['z']),
    ]);
    expect(kept).toEqual([
      { question: 'question a', expectedPassages: ['x'] },
      { question: 'question d', expectedPassages: ['z'] },
    ]);
  });
});

describe('measureRecall', () => {
  it('reports the share recalled and which questions missed, asking retrieve for k passages', async () => {
    const asked: number[] = [];
    const result = await measureRecall(
      [
        { question: 'found', expectedPassages: ['alpha'] },
        { question: 'lost', expectedPassages: ['beta'] },
      ],
      async (question, k) => {
        asked.push(k);
        return question === 'found' ? [hit('real#1', 'alpha beta')] : [hit('syn#3', 'beta')];
      },
      realIds,
    );
    expect(result).toEqual({ recall: 0.5, recalled: 1, questions: 2, missed: ['lost'] });
    expect(asked).toEqual([3, 3]);
  });
});
