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

  it('GIVEN "F‑35" with a non-breaking hyphen (U+2011) THEN it tokenises like "F-35"', () => {
    expect(tokenize('How many F\u201135 jets has Japan bought?')).toEqual(
      tokenize('How many F-35 jets has Japan bought?'),
    );
  });

  it.each(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D'])(
    'GIVEN the dash %j inside a code or between words THEN it splits the same way as "-"',
    (dash) => {
      expect(tokenize(`F${dash}35 and B${dash}1`)).toEqual(['f35', 'and', 'b1']);
      expect(tokenize(`Indo${dash}Pacific`)).toEqual(['indo', 'pacific']);
    },
  );

  it('reads a model code in the plural as the code: "F-35s" → f35', () => {
    expect(tokenize("yo what's the deal with the F-35s")).toEqual([
      'yo',
      'what',
      'the',
      'deal',
      'with',
      'the',
      'f35',
    ]);
    expect(tokenize('F35s and B-52s')).toEqual(['f35', 'and', 'b52']);
  });

  it('removes soft hyphens and zero-width characters inside words', () => {
    expect(tokenize('Rei\u00ADwa and Rei\u200Bwa')).toEqual(['reiwa', 'and', 'reiwa']);
  });

  it('folds Latin diacritics, so that "Shinzō" meets "Shinzo", and keeps kana whole', () => {
    expect(tokenize('Shinz\u014D Abe')).toEqual(['shinzo', 'abe']);
    expect(tokenize('\u304C\u3093\u3070\u308B')).toEqual(['\u304C\u3093\u3070\u308B']);
  });

  it.each([
    ['850k', '850,000'],
    ['850K', '850,000'],
    ['850 thousand', '850,000'],
    ['eight hundred fifty thousand', '850,000'],
    ['$1.6bn', '$1.6 billion'],
    ['1.6 billion', '$1.6 billion'],
    ['$1,600,000,000', '$1.6 billion'],
    ['1.6B', '$1.6 billion'],
    ['4k', '4,000'],
    ['four thousand', '4,000'],
    ['thirty', 'nearly 30'],
    ['4', 'four rounds'],
    ['four', 'four rounds'],
    ['$424bn', '$424 billion'],
  ])('GIVEN a question that writes "%s" THEN its number token is one of "%s" in a sheet', (asked, sheet) => {
    const number = tokenize(asked)[0];
    expect(number).toBeDefined();
    expect(tokenize(sheet)).toContain(number);
  });

  it('keeps years and model codes intact', () => {
    expect(tokenize('In 2017, F-35 and B-1 flew')).toEqual(['in', '2017', 'f35', 'and', 'b1', 'flew']);
  });
});
