import { describe, expect, it } from 'vitest';
import { askerClauseWords } from '../../../src/core/pipeline/asker-clauses.js';

describe('askerClauseWords', () => {
  it('GIVEN a clause in which the asker speaks of themselves THEN its words are theirs, not the topic', () => {
    const words = askerClauseWords(
      "can someone summarize the 2019 sheet, i don't have time to read it before the council meeting",
    );
    expect([...words]).toEqual(expect.arrayContaining(['dont', 'time', 'read', 'council', 'meeting']));
    expect(words.has('summarize')).toBe(false);
  });

  it('GIVEN "I ain\'t got all day" after the request THEN it is the asker’s', () => {
    expect(
      askerClauseWords("summarize the 2019 sheet for me real quick, I ain't got all day").has('day'),
    ).toBe(true);
  });

  it('GIVEN no clause opening with the asker THEN there are none ("what do the sheets say about my city?" asks about it)', () => {
    expect(askerClauseWords('summarize what the sheets say about security').size).toBe(0);
    expect(askerClauseWords('what do the sheets say about the economy side').size).toBe(0);
  });
});
