import { describe, expect, it } from 'vitest';
import { standaloneQuestion, targetDocuments } from '../../../src/core/service/follow-up.js';
import { makeDocument } from '../../support/passages.js';

describe('standaloneQuestion', () => {
  const history = [
    { role: 'user' as const, text: 'What energy partnership do the countries have?' },
    { role: 'assistant' as const, text: 'The Japan-United States Strategic Energy Partnership [1]' },
  ];

  it('GIVEN no history THEN the question is unchanged', () => {
    expect(standaloneQuestion('and what about 2019?')).toBe('and what about 2019?');
  });

  it('GIVEN a follow-up that leans on context THEN the previous question is added for retrieval', () => {
    expect(standaloneQuestion('and what did the 2019 sheet say?', history)).toBe(
      'and what did the 2019 sheet say? What energy partnership do the countries have?',
    );
  });

  it('GIVEN a long question that stands alone THEN it is unchanged', () => {
    const question = 'How many American jobs do Japanese companies support through investment and hiring?';
    expect(standaloneQuestion(question, history)).toBe(question);
  });
});

describe('targetDocuments', () => {
  const documents = [
    makeDocument({ id: 'sheet-2018', date: '2018' }),
    makeDocument({ id: 'sheet-2019', date: '2019-05-25' }),
  ];

  it.each([
    ['what did the 2019 sheet say?', ['sheet-2019']],
    ['In the 2018 fact sheet, who was praised?', ['sheet-2018']],
    ['What does the fact sheet from 2019 say about space?', ['sheet-2019']],
    ['and in the 2018 one?', ['sheet-2018']],
  ])('GIVEN "%s" THEN it targets %j', (question, expected) => {
    expect(targetDocuments(question, documents)).toEqual(expected);
  });

  it('GIVEN a year that is about events, not a sheet THEN no document is targeted', () => {
    expect(targetDocuments('What happened in November 2017?', documents)).toBeUndefined();
  });

  it('GIVEN both sheets named THEN no filter is applied', () => {
    expect(targetDocuments('Compare the 2018 sheet and the 2019 sheet', documents)).toBeUndefined();
  });
});
