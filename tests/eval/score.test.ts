import { describe, expect, it } from 'vitest';

import type { EvalQuestion } from '../../src/eval/load-questions.js';
import {
  containsNormalised,
  findMissingKeyFacts,
  isCorrectCitation,
  normaliseText,
  scoreQuestion,
  summarise,
  summariseByKind,
} from '../../src/eval/score.js';
import { answered, citation, refusal } from '../support/fake-core.js';

const answerable: EvalQuestion = {
  id: 'jobs-direct-1',
  kind: 'direct',
  question: 'How many jobs?',
  answerable: true,
  expectedPassages: ['support over 850,000 American jobs'],
  keyFacts: ['850,000'],
};

const unanswerable: EvalQuestion = {
  id: 'weather-oos-1',
  kind: 'out-of-scope',
  question: 'Weather tomorrow?',
  answerable: false,
};

const crossSheet: EvalQuestion = {
  id: 'energy-cross-1',
  kind: 'cross-sheet',
  question: 'Which energy partnership is in both?',
  answerable: true,
  expectedPassages: ['Strategic Energy Partnership'],
  keyFacts: [],
  expectedDocuments: ['doc-a', 'doc-b'],
};

const jobsPassage = 'Through rigorous investment, Japanese companies support over 850,000 American jobs.';
const otherPassage = 'Japan is one of the largest purchasers of the F-35 jet.';

describe('normaliseText', () => {
  it('ignores case, runs of whitespace and surrounding space', () => {
    expect(normaliseText('  Beautiful\n\tHARMONY  ')).toBe('beautiful harmony');
  });

  it('treats typographic quotes, apostrophes and hyphens like plain ones', () => {
    expect(normaliseText('“Reiwa” NASA’s F‑35')).toBe(`"reiwa" nasa's f-35`);
  });
});

describe('isCorrectCitation', () => {
  it('accepts a passage containing any expected passage', () => {
    expect(isCorrectCitation(jobsPassage, ['not there', 'support over 850,000 American jobs'])).toBe(true);
  });

  it('rejects a passage containing none of them', () => {
    expect(isCorrectCitation(otherPassage, ['support over 850,000 American jobs'])).toBe(false);
  });

  it('is not fooled by line breaks inside the cited passage', () => {
    expect(
      containsNormalised('support over\n850,000   American jobs', 'support over 850,000 American jobs'),
    ).toBe(true);
  });
});

describe('findMissingKeyFacts', () => {
  it('finds key facts regardless of case and spacing', () => {
    expect(findMissingKeyFacts('It means  BEAUTIFUL\nharmony [1].', ['beautiful harmony'])).toEqual([]);
  });

  it('lists every key fact the answer lacks', () => {
    expect(findMissingKeyFacts('Toyota and Mazda invested.', ['Toyota', 'Honda', 'Denso'])).toEqual([
      'Honda',
      'Denso',
    ]);
  });
});

describe('scoreQuestion', () => {
  it('counts an answer citing a correct passage with its key facts as correct', () => {
    const result = scoreQuestion(answerable, {
      answer: answered({
        text: 'Over 850,000 American jobs [1].',
        citations: [citation({ marker: 1, passage: jobsPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 5,
    });
    expect(result).toMatchObject({
      answered: true,
      citationCorrect: true,
      rank1Correct: true,
      correct: true,
    });
    expect(result.failures).toEqual([]);
    expect(result.citedPassageIds).toEqual(['doc-a#p1']);
  });

  it('fails an answer whose citations are all wrong, saying so', () => {
    const result = scoreQuestion(answerable, {
      answer: answered({
        text: '850,000 [1].',
        citations: [citation({ marker: 1, passage: otherPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 5,
    });
    expect(result.citationCorrect).toBe(false);
    expect(result.correct).toBe(false);
    expect(result.failures).toContain('no citation contains an expected passage');
  });

  it('judges rank 1 by the citation marked [1], even when a later citation is correct', () => {
    const result = scoreQuestion(answerable, {
      answer: answered({
        text: '850,000 [1][2].',
        citations: [
          citation({ marker: 2, passage: jobsPassage, documentId: 'doc-a' }),
          citation({ marker: 1, passage: otherPassage, documentId: 'doc-a' }),
        ],
      }),
      elapsedMs: 5,
    });
    expect(result.citationCorrect).toBe(true);
    expect(result.rank1Correct).toBe(false);
  });

  it('fails an answer that lacks a key fact even with a correct citation', () => {
    const result = scoreQuestion(answerable, {
      answer: answered({
        text: 'Many American jobs [1].',
        citations: [citation({ marker: 1, passage: jobsPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 5,
    });
    expect(result.citationCorrect).toBe(true);
    expect(result.missingKeyFacts).toEqual(['850,000']);
    expect(result.failures).toContain('answer lacks key facts: 850,000');
  });

  it('counts refusing an unanswerable question as correct', () => {
    const result = scoreQuestion(unanswerable, { answer: refusal(), elapsedMs: 5 });
    expect(result).toMatchObject({ answered: false, correct: true, citationCorrect: null });
  });

  it('fails answering an unanswerable question', () => {
    const result = scoreQuestion(unanswerable, {
      answer: answered({
        text: 'Sunny [1].',
        citations: [citation({ marker: 1, passage: otherPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 5,
    });
    expect(result.correct).toBe(false);
    expect(result.failures).toEqual(['answered a question the fact sheets do not cover']);
  });

  it('fails refusing an answerable question as a wrong refusal, not as a wrong citation', () => {
    const result = scoreQuestion(answerable, { answer: refusal(), elapsedMs: 5 });
    expect(result).toMatchObject({ answered: false, citationCorrect: false, correct: false });
    expect(result.failures).toEqual(['refused an answerable question']);
  });

  it('does not count an error as a refusal', () => {
    const result = scoreQuestion(unanswerable, { error: 'INVALID_INPUT: boom', elapsedMs: 5 });
    expect(result.correct).toBe(false);
    expect(result.failures).toEqual(['error: INVALID_INPUT: boom']);
    expect(summarise([result]).refusalRate).toBe(0);
  });

  it('requires a cross-sheet answer to cite every expected document', () => {
    const partial = scoreQuestion(crossSheet, {
      answer: answered({
        text: 'The Strategic Energy Partnership [1].',
        citations: [
          citation({ marker: 1, passage: 'the Strategic Energy Partnership', documentId: 'doc-a' }),
        ],
      }),
      elapsedMs: 5,
    });
    expect(partial.documentsCovered).toBe(false);
    expect(partial.missingDocuments).toEqual(['doc-b']);
    expect(partial.failures).toContain('no citation from: doc-b');

    const full = scoreQuestion(crossSheet, {
      answer: answered({
        text: 'Both [1][2].',
        citations: [
          citation({ marker: 1, passage: 'the Strategic Energy Partnership', documentId: 'doc-a' }),
          citation({ marker: 2, passage: 'through the Strategic Energy Partnership', documentId: 'doc-b' }),
        ],
      }),
      elapsedMs: 5,
    });
    expect(full.documentsCovered).toBe(true);
    expect(full.correct).toBe(true);
  });

  it('judges recall from the retrieved passages when given', () => {
    const result = scoreQuestion(
      answerable,
      { answer: refusal(), elapsedMs: 5 },
      { passageTexts: [otherPassage, jobsPassage], passageIds: ['a', 'b'] },
    );
    expect(result.retrieval).toEqual({ recallAt1: false, recallAt3: true, topPassageIds: ['a', 'b'] });
  });
});

describe('summarise', () => {
  const results = [
    scoreQuestion(answerable, {
      answer: answered({
        text: '850,000 [1].',
        citations: [citation({ marker: 1, passage: jobsPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 10,
    }),
    scoreQuestion(answerable, { answer: refusal(), elapsedMs: 20 }),
    scoreQuestion(unanswerable, { answer: refusal(), elapsedMs: 30 }),
    scoreQuestion(unanswerable, {
      answer: answered({
        text: 'Sunny.',
        citations: [citation({ marker: 1, passage: otherPassage, documentId: 'doc-a' })],
      }),
      elapsedMs: 40,
    }),
  ];

  it('computes each rate over the questions it applies to', () => {
    const m = summarise(results);
    expect(m).toMatchObject({
      n: 4,
      answerable: 2,
      unanswerable: 2,
      citationAccuracy: 0.5,
      rank1CitationAccuracy: 0.5,
      keyFactRate: 0.5,
      refusalRate: 0.5,
      wrongRefusalRate: 0.5,
      errorCount: 0,
    });
  });

  it('leaves figures null when no question can measure them', () => {
    const m = summarise(results);
    expect(m.crossSheetCoverage).toBeNull();
    expect(m.recallAt1).toBeNull();
    expect(summarise([]).citationAccuracy).toBeNull();
  });

  it('reports latency median and 95th percentile (nearest rank, as the benchmark does)', () => {
    const m = summarise(results);
    expect(m.latencyMedianMs).toBe(20);
    expect(m.latencyP95Ms).toBe(40);
  });

  it('groups by kind', () => {
    const byKind = summariseByKind(results);
    expect(Object.keys(byKind)).toEqual(['direct', 'out-of-scope']);
    expect(byKind['out-of-scope']?.refusalRate).toBe(0.5);
    expect(byKind.direct?.refusalRate).toBeNull();
  });
});

describe('scoreQuestion on things that are not questions', () => {
  const nonQuestion = {
    id: 'nq-thanks',
    kind: 'non-question',
    question: 'thanks!',
    answerable: false,
  } as const;

  it('counts the friendly reply as correct, and a refusal naming a topic as a failure', () => {
    const friendly = { ...refusal(), outcome: 'chit-chat' as const, missingTerms: [] };
    expect(scoreQuestion(nonQuestion, { answer: friendly, elapsedMs: 1 }).correct).toBe(true);
    const named = scoreQuestion(nonQuestion, { answer: refusal(), elapsedMs: 1 });
    expect(named.correct).toBe(false);
    expect(named.failures).toEqual(['not a question, but replied as not-covered']);
  });

  it('reports the friendly rate apart from the refusal rate of real unanswerable questions', () => {
    const friendly = { ...refusal(), outcome: 'unclear' as const };
    const results = [
      scoreQuestion(nonQuestion, { answer: friendly, elapsedMs: 1 }),
      scoreQuestion(
        { ...nonQuestion, id: 'near-1', kind: 'near-domain' },
        { answer: refusal(), elapsedMs: 1 },
      ),
    ];
    const metrics = summarise(results);
    expect(metrics.friendlyRate).toBe(1);
    expect(metrics.refusalRate).toBe(1);
  });
});
