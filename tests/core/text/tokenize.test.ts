import { describe, expect, it } from 'vitest';

import { tokenize, UNITED_STATES_TOKEN } from '../../../src/core/text/tokenize.js';

describe('tokenize', () => {
  it('lowercases words and drops punctuation', () => {
    expect(tokenize('The Alliance, reaffirmed!')).toEqual(['the', 'alliance', 'reaffirmed']);
  });

  it('removes thousands separators and currency signs from numbers but keeps decimals', () => {
    expect(tokenize('850,000 jobs and $1.6 billion in 2017.')).toEqual([
      '850000',
      'jobs',
      'and',
      '1.6',
      'billion',
      'in',
      '2017',
    ]);
  });

  it('splits a list of numbers that is not a thousands grouping', () => {
    expect(tokenize('1,2,3')).toEqual(['1', '2', '3']);
  });

  it('keeps letter–digit codes together whether or not they are hyphenated', () => {
    expect(tokenize('F-35 and F35 and B-1 bombers')).toEqual(['f35', 'and', 'f35', 'and', 'b1', 'bombers']);
  });

  it('splits other hyphenated compounds into their words', () => {
    expect(tokenize('Indo-Pacific demand-driven then-President-Elect')).toEqual([
      'indo',
      'pacific',
      'demand',
      'driven',
      'then',
      'president',
      'elect',
    ]);
  });

  it('reads U.S., U.S.A., USA and an upper-case US as the country, and lower-case us as the pronoun', () => {
    expect(tokenize('U.S. and U.S.A. and USA and US help us')).toEqual([
      UNITED_STATES_TOKEN,
      'and',
      UNITED_STATES_TOKEN,
      'and',
      UNITED_STATES_TOKEN,
      'and',
      UNITED_STATES_TOKEN,
      'help',
      'us',
    ]);
  });

  it('does not read US as the country in an all-capitals text, where it may be the pronoun', () => {
    expect(tokenize('TELL US MORE')).toEqual(['tell', 'us', 'more']);
  });

  it('finds the country inside a hyphenated compound such as Japan-U.S.', () => {
    expect(tokenize('the Japan-U.S. alliance')).toEqual(['the', 'japan', UNITED_STATES_TOKEN, 'alliance']);
  });

  it('treats curly and straight apostrophes alike and drops possessives', () => {
    expect(tokenize("Japan\u2019s and Japan's and NASA\u2019s")).toEqual([
      'japan',
      'and',
      'japan',
      'and',
      'nasa',
    ]);
    expect(tokenize("don't")).toEqual(['dont']);
  });

  it('separates words at en and em dashes but joins them at non-breaking hyphens', () => {
    expect(tokenize('States\u2013Japan\u2014Abe')).toEqual(['states', 'japan', 'abe']);
    expect(tokenize('F\u201135')).toEqual(['f35']);
  });

  it('joins single letters around an ampersand (R&D) and otherwise splits at it', () => {
    expect(tokenize('R&D and research&development')).toEqual(['rd', 'and', 'research', 'development']);
  });

  it('applies Unicode NFKC normalisation (full-width letters, ligatures)', () => {
    expect(tokenize('\uFF34\uFF4F\uFF59\uFF4F\uFF54\uFF41 of\uFB01ce')).toEqual(['toyota', 'office']);
  });

  it('handles quotation marks glued to words and ellipses', () => {
    expect(tokenize('"Reiwa,"which means\u2026 [and] "harmony."')).toEqual([
      'reiwa',
      'which',
      'means',
      'and',
      'harmony',
    ]);
  });

  it('returns no tokens for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ?! \u2014 ')).toEqual([]);
  });

  it('gives the same tokens on the ASCII fast path and the Unicode path', () => {
    const ascii = 'Japanese companies support over 850,000 American jobs; F-35, U.S. R&D.';
    expect(tokenize(`${ascii} \u00E9`).slice(0, -1)).toEqual(tokenize(ascii));
  });
});
