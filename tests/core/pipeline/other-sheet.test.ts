import { describe, expect, it } from 'vitest';

import {
  documentStems,
  usesEveryWord,
  wordsOnlyInOtherSheets,
} from '../../../src/core/pipeline/other-sheet.js';
import type { Reading } from '../../../src/core/pipeline/interpret.js';
import { buildCorpusVocabulary } from '../../../src/core/retrieval/corpus-vocabulary.js';
import { questionWords } from '../../../src/core/retrieval/question-terms.js';
import { assessCoverage } from '../../../src/core/retrieval/term-coverage.js';
import type { KnowledgeBase } from '../../../src/core/types.js';
import { makeDocument, makePassage } from '../../support/passages.js';

const older = makeDocument({ id: 'sheet-2018', date: '2018-04' });
const newer = makeDocument({ id: 'sheet-2019', date: '2019-05-25' });
const passages = [
  makePassage('Japanese companies support over 850,000 American jobs.', { documentId: older.id }),
  makePassage('The United Nations passed four rounds of sanctions against North Korea.', {
    documentId: older.id,
  }),
  makePassage('Japan welcomed the new era of Reiwa and a growing digital economy.', { documentId: newer.id }),
  makePassage('Our companies are strengthening economic ties and energy security.', { documentId: newer.id }),
];
const knowledge = { documents: [older, newer], passages } as unknown as KnowledgeBase;
const vocabulary = buildCorpusVocabulary(passages, undefined, []);
const stemsOf = documentStems(vocabulary, knowledge);
const everyWordMatters = () => 1;

function onlyElsewhere(question: string, documentIds: readonly string[] | undefined, crossSheet = false) {
  const words = questionWords(question);
  const coverage = assessCoverage(words, vocabulary, undefined);
  const reading = { documentIds, crossSheet } as unknown as Reading;
  return wordsOnlyInOtherSheets(reading, coverage, stemsOf, everyWordMatters, [older.id, newer.id]).phrases;
}

describe('wordsOnlyInOtherSheets', () => {
  it('GIVEN the 2019 sheet asked about jobs, which only the 2018 sheet mentions THEN "jobs"', () => {
    expect(onlyElsewhere('what did the 2019 sheet say about jobs', [newer.id])).toEqual(['jobs']);
  });

  it('GIVEN a name of two words THEN it is one phrase', () => {
    expect(onlyElsewhere('what does it say about North Korea', [newer.id])).toEqual(['North Korea']);
  });

  it('GIVEN another form of a word the named sheet uses ("economy" for "economic") THEN nothing', () => {
    expect(onlyElsewhere('what about the economy', [newer.id])).toEqual([]);
  });

  it('GIVEN no sheet named, or both THEN nothing', () => {
    expect(onlyElsewhere('what about jobs', undefined)).toEqual([]);
    expect(onlyElsewhere('what about jobs', [newer.id], true)).toEqual([]);
  });

  it('GIVEN one of the telling words in the named sheet THEN nothing: it speaks to the question', () => {
    expect(onlyElsewhere('what about jobs at japanese companies', [newer.id])).toEqual([]);
  });

  it('GIVEN a word no sheet uses THEN it is not listed (that is a plain refusal)', () => {
    expect(onlyElsewhere('what about okinawa', [newer.id])).toEqual([]);
  });
});

describe('usesEveryWord', () => {
  const found = { phrases: ['North Korea'], forms: [['north'], ['korea']] };

  it('GIVEN a passage with every missing word THEN it speaks about them', () => {
    expect(usesEveryWord('The United Nations passed sanctions against North Korea.', found)).toBe(true);
  });

  it('GIVEN a passage sharing only one of them THEN it does not', () => {
    expect(usesEveryWord('South Korea joined the exercises.', found)).toBe(false);
  });
});
