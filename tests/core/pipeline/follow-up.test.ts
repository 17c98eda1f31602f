import { describe, expect, it } from 'vitest';
import {
  asksForMore,
  isFollowUp,
  saidSentences,
  standaloneQuestion,
} from '../../../src/core/pipeline/follow-up.js';

const history = [
  { role: 'user' as const, text: 'What energy partnership do the countries have?' },
  {
    role: 'assistant' as const,
    text: 'The Japan-United States Strategic Energy Partnership to promote access to energy. [1]',
  },
];

describe('isFollowUp', () => {
  it('GIVEN no conversation THEN nothing is a follow-up', () => {
    expect(isFollowUp('and when was that?', [], 0)).toBe(false);
  });

  it.each([
    'and which companies?',
    'when was that?',
    'tell me more',
    'and in 2019?',
    'what did Abe say about it?',
  ])('GIVEN "%s" after a question THEN it leans on the conversation', (question) =>
    expect(isFollowUp(question, history, 1)).toBe(true),
  );

  it('GIVEN a short question whose every topic word the last question used ("which companies?") THEN it narrows that question', () => {
    const jobs = [
      { role: 'user' as const, text: 'how many jobs do japanese companies support?' },
      { role: 'assistant' as const, text: 'Japanese companies support over 850,000 American jobs. [1]' },
    ];
    expect(isFollowUp('which companies?', jobs, 1)).toBe(true);
    expect(isFollowUp('which companies invested in Alabama?', jobs, 2)).toBe(false);
    expect(isFollowUp('what is OPIC?', jobs, 1)).toBe(false);
  });

  it('GIVEN a short question whose every topic word the last answer used ("which regions?") THEN it narrows that answer', () => {
    const energy = [
      { role: 'user' as const, text: "what's the energy partnership" },
      { role: 'assistant' as const, text: 'It promotes affordable energy in several regions. [1]' },
    ];
    expect(isFollowUp('which regions?', energy, 1)).toBe(true);
    expect(isFollowUp('what is OPIC?', energy, 1)).toBe(false);
  });

  it('GIVEN a short question with a subject of its own THEN it stands alone', () => {
    expect(isFollowUp('What is OPIC?', history, 1)).toBe(false);
    expect(isFollowUp('What is the population of Tokyo?', history, 1)).toBe(false);
  });

  it('GIVEN "is there anything about…" THEN "there" is not a pointer into the conversation', () => {
    expect(isFollowUp('ok fine. is there anything about supporting young leaders?', history, 1)).toBe(false);
    expect(isFollowUp('are there any drills?', history, 1)).toBe(false);
    expect(isFollowUp('what did they do there?', history, 1)).toBe(true);
  });

  it.each([
    'separate thing are they doing any energy work in africa?',
    'ok diff q - what does the 2019 sheet say about nuclear stuff',
    'unrelated, but what did they say about jobs?',
    'new question: who did they meet?',
  ])('GIVEN "%s" (the person says the question is new) THEN it stands alone, "they" or not', (question) => {
    expect(isFollowUp(question, history, 1)).toBe(false);
  });

  it('GIVEN "new" or "other" as an ordinary word THEN the question may still lean on the conversation', () => {
    expect(isFollowUp('what other deals did they sign?', history, 1)).toBe(true);
    expect(isFollowUp('and what new deals did they sign?', history, 1)).toBe(true);
  });

  it('GIVEN a question with no topic of its own THEN it leans on the conversation', () => {
    expect(isFollowUp('why?', history, 0)).toBe(true);
  });
});

describe('standaloneQuestion', () => {
  it('GIVEN a follow-up THEN the person’s previous question is added for retrieval', () => {
    expect(standaloneQuestion('and what did the 2019 sheet say?', history)).toBe(
      'and what did the 2019 sheet say? What energy partnership do the countries have?',
    );
  });

  it('GIVEN no earlier question THEN the question is unchanged', () => {
    expect(standaloneQuestion('and what about 2019?', [])).toBe('and what about 2019?');
  });
});

describe('asksForMore and saidSentences', () => {
  it('GIVEN "tell me more" or "any other…" THEN more is wanted', () => {
    expect(asksForMore('tell me more')).toBe(true);
    expect(asksForMore('were there any other drills?')).toBe(true);
    expect(asksForMore('which air forces took part?')).toBe(false);
  });

  it('GIVEN the answers so far THEN their sentences come back without markers, as passages hold them', () => {
    expect(saidSentences(history)).toEqual([
      'The Japan-United States Strategic Energy Partnership to promote access to energy',
    ]);
    const longer = [
      { role: 'user' as const, text: 'how many jobs?' },
      { role: 'assistant' as const, text: 'Japanese companies support over 850,000 American jobs. [1]' },
      { role: 'user' as const, text: 'when was that?' },
      { role: 'assistant' as const, text: 'The fact sheet is dated circa April 2018 and says so. [1]' },
    ];
    expect(saidSentences(longer)).toEqual([
      'Japanese companies support over 850,000 American jobs',
      'The fact sheet is dated circa April 2018 and says so',
    ]);
  });

  it('GIVEN an answer naming "U.S. Joint Strike Fighters" THEN its sentence is not broken at "U.S."', () => {
    const turns = [
      { role: 'user' as const, text: 'what happened in sep 2017?' },
      {
        role: 'assistant' as const,
        text: 'After a missile launch, U.S. Joint Strike Fighters joined exercises. [1]',
      },
    ];
    expect(saidSentences(turns)).toEqual([
      'After a missile launch, U.S. Joint Strike Fighters joined exercises',
    ]);
  });

  it('GIVEN "when did they sign it?" after "what is OPIC?" THEN "who with?" keeps OPIC in view', () => {
    const turns = [
      { role: 'user' as const, text: 'what is OPIC?' },
      { role: 'assistant' as const, text: 'OPIC signed memorandums.' },
      { role: 'user' as const, text: 'when did they sign it?' },
      { role: 'assistant' as const, text: 'In November 2017.' },
    ];
    const names = (text: string) => /OPIC/.test(text);
    expect(standaloneQuestion('who with?', turns, () => true, names)).toBe(
      'who with? when did they sign it? what is OPIC?',
    );
  });
});
