import { describe, expect, it } from 'vitest';

import { checkClaim } from '../../../src/core/pipeline/claim-check.js';

const JOBS = 'Through rigorous investment, hiring, and workforce development, Japanese companies support over 850,000 American jobs.';
const MEETINGS =
  'President Trump and Prime Minister Abe have developed an enduring friendship and trust, holding nearly 30 official meetings and phone conversations on a variety of issues.';
const SANCTIONS = 'the United Nations has passed four rounds of sanctions against North Korea.';
const PLANT =
  'President Trump praised Toyota and Mazda for investing $1.6 billion towards a new Alabama manufacturing plant, which has been estimated to create up to 4,000 American jobs.';

describe('checkClaim', () => {
  it.each([
    ["Wasn't it 40,000 jobs?", JOBS],
    ['was it like 50 meetings between them?', MEETINGS],
    ['was it 3 rounds of UN sanctions?', SANCTIONS],
    ['How many jobs will the factory bring? Was it 40,000 jobs?', PLANT],
  ])('GIVEN "%s" THEN the sheets contradict it', (question, answer) => {
    expect(checkClaim(question, answer)).toBe('contradicted');
  });

  it.each([
    ['did they hold nearly 30 meetings?', MEETINGS],
    ['is it true japanese companies support like 850,000 american jobs?', JOBS],
    ['the alabama plant is supposed to make four k jobs right?', PLANT],
  ])('GIVEN "%s" THEN the sheets confirm it', (question, answer) => {
    expect(checkClaim(question, answer)).toBe('confirmed');
  });

  it.each([
    ['how many jobs, like 850,000?', JOBS],
    ['was it $1.6 billion or $16 billion for the plant?', PLANT],
    ['did the friendship change between the two fact sheets?', MEETINGS],
    ['was it around 2 billion dollars?', PLANT],
  ])('GIVEN "%s" THEN no verdict (not a yes-or-no check of one figure of the same thing)', (question, answer) => {
    expect(checkClaim(question, answer)).toBeUndefined();
  });
});
