import { describe, expect, it } from 'vitest';

import { questionWords } from '../../../src/core/retrieval/question-terms.js';

/** The numbers of a question that are offered as a guess or a claim to check, not as a fact to find. */
function guessed(question: string): string[] {
  return questionWords(question)
    .terms.filter((term) => term.numeric && term.approximate === true)
    .map((term) => term.word);
}

describe('questionWords: numbers offered as a guess', () => {
  it.each([
    ['how much FDI, like 400 billion?', ['400']],
    ['how much FDI did japan put in? heard 400bn+', ['400bn']],
    ['how many jobs, i think 900,000?', ['900,000']],
    ['is it true they support 900,000 jobs?', ['900,000']],
    ['are there 4,000 or 40,000 jobs at the plant?', ['4,000', '40,000']],
    ['how many could the plant employ? 4,000? 5,000?', ['4,000', '5,000']],
  ])('GIVEN "%s" THEN %j is the asker’s', (question, tokens) => {
    expect(guessed(question)).toEqual(tokens);
  });

  it.each([
    'how many jobs did japanese companies support in 2023?',
    'did japan invest in 2020?',
    'what happened to the 850,000 jobs?',
    'what happened in 2016? 850,000 jobs?',
  ])('GIVEN "%s" THEN its number is a fact to find', (question) => {
    expect(guessed(question)).toEqual([]);
  });
});
