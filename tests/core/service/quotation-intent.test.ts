import { describe, expect, it } from 'vitest';

import { mayAskForWords, quotedShare } from '../../../src/core/service/quotation-intent.js';

describe('mayAskForWords', () => {
  it.each([
    'what did abe say about trump?',
    'how does trump feel about abe',
    'who claimed no two leaders had ever been this close?',
    'how old is the alliance, by abe’s count?',
    'what is trump’s line on the friendship?',
  ])('GIVEN "%s" THEN it may be after someone’s words', (question) => {
    expect(mayAskForWords(question)).toBe(true);
  });

  it.each(['how many jobs do japanese companies support?', 'what kind of trade relationship do they want?'])(
    'GIVEN "%s" THEN it is not',
    (question) => expect(mayAskForWords(question)).toBe(false),
  );
});

describe('quotedShare', () => {
  it('GIVEN a remark that is nearly all quotation THEN most of it is quoted', () => {
    expect(
      quotedShare('Abe has remarked that, "we have never seen two leaders this close in just one year."'),
    ).toBeGreaterThan(0.5);
  });

  it('GIVEN a plain sentence THEN nothing is quoted', () => {
    expect(quotedShare('Japanese companies support over 850,000 American jobs.')).toBe(0);
  });
});
