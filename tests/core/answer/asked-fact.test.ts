import { describe, expect, it } from 'vitest';

import { answersAskedFact, statesAskedFact, statesTimeBeyond } from '../../../src/core/answer/asked-fact.js';

describe('statesTimeBeyond', () => {
  const visit = 'President Trump spoke to troops during his November visit to Japan.';

  it('GIVEN a "when" question that already names the only time the sentence gives THEN the sentence does not answer it', () => {
    expect(statesTimeBeyond(visit, "when was trump's november trip to japan?")).toBe(false);
  });

  it('GIVEN a "when" question without a time of its own THEN any stated time answers it', () => {
    expect(statesTimeBeyond(visit, 'when did trump visit the troops?')).toBe(true);
  });

  it('GIVEN a sentence with a time the question did not name THEN it answers', () => {
    expect(
      statesTimeBeyond('In September 2017, the air forces trained together.', 'when in 2017 was the drill?'),
    ).toBe(true);
  });

  it('GIVEN a sentence with no time at all THEN it does not answer', () => {
    expect(
      statesTimeBeyond('The leaders met families of abductees.', 'when did they meet the families?'),
    ).toBe(false);
  });
});

describe('statesAskedFact for "who"', () => {
  it.each([
    'U.S. Joint Strike Fighters and B-1 bombers joined the exercises.',
    'The Japanese and South Korean air forces trained together.',
    'President Trump praised the plant.',
  ])('GIVEN "%s" (a person, or a group that acts) THEN it answers "who"', (sentence) => {
    expect(statesAskedFact('who', sentence)).toBe(true);
  });

  it('GIVEN a sentence naming no one THEN it does not answer "who"', () => {
    expect(statesAskedFact('who', 'Negotiations are currently ongoing.')).toBe(false);
  });
});

describe('answersAskedFact for "when": an occasion that dates the very act asked about', () => {
  const address =
    'In his State of the Union address, President Trump praised Toyota and Mazda for investing in a new plant.';

  it('GIVEN "when did Trump praise Toyota?" THEN the address dates the praise', () => {
    expect(answersAskedFact('when', address, 'when did trump praise toyota for the plant?')).toBe(true);
  });

  it('GIVEN "when does the plant open?" THEN the address dates the praise, not the opening', () => {
    expect(answersAskedFact('when', address, 'when is the plant supposed to open?')).toBe(false);
  });
});
