import { describe, expect, it } from 'vitest';

import { wordForms } from '../../../src/core/text/word-forms.js';

function meet(a: string, b: string): boolean {
  const forms = wordForms(b);
  return [...wordForms(a)].some((form) => forms.has(form));
}

describe('wordForms: the forms of one word meet', () => {
  it.each([
    ['abductees', 'abducted'],
    ['abductee', 'abduction'],
    ['abducting', 'abducted'],
    ['employees', 'employ'],
    ['nominee', 'nominated'],
    ['trainees', 'training'],
    ['met', 'meeting'],
    ['bought', 'buy'],
    ['defence', 'defense'],
  ])('"%s" meets "%s"', (a, b) => {
    expect(meet(a, b)).toBe(true);
  });

  it.each([
    ['committee', 'commit'],
    ['refugee', 'refuge'],
    ['coffee', 'coff'],
    ['trade', 'travel'],
  ])('"%s" does not meet "%s": an -ee noun meets only a verb WordNet knows', (a, b) => {
    expect(meet(a, b)).toBe(false);
  });

  it('always holds the word’s own stem, so stem lookups still find it', () => {
    expect(wordForms('abductees').has('abducte')).toBe(true);
    expect(wordForms('F-35').has('F-35')).toBe(true);
  });
});
