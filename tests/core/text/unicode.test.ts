import { describe, expect, it } from 'vitest';

import { foldLatinDiacritics, normaliseUnicode } from '../../../src/core/text/unicode.js';

describe('normaliseUnicode', () => {
  it.each([
    ['U+2010 hyphen', '\u2010'],
    ['U+2011 non-breaking hyphen', '\u2011'],
    ['U+2012 figure dash', '\u2012'],
    ['U+2013 en dash', '\u2013'],
    ['U+2014 em dash', '\u2014'],
    ['U+2212 minus sign', '\u2212'],
    ['U+FE63 small hyphen-minus', '\uFE63'],
    ['U+FF0D full-width hyphen-minus', '\uFF0D'],
  ])('GIVEN a %s between two letters or digits THEN it joins them like "-"', (_name, dash) => {
    expect(normaliseUnicode(`F${dash}35`)).toBe('F-35');
    expect(normaliseUnicode(`Japan${dash}U.S.`)).toBe('Japan-U.S.');
  });

  it('GIVEN a dash with a space beside it THEN it separates words', () => {
    expect(normaliseUnicode('Trump \u2013 Abe')).toBe('Trump   Abe');
    expect(normaliseUnicode('security\u2014 and trade')).toBe('security  and trade');
  });

  it('removes soft hyphens, zero-width characters and bidirectional controls', () => {
    expect(normaliseUnicode('Rei\u00ADwa')).toBe('Reiwa');
    expect(normaliseUnicode('Re\u200Biwa\u200C\u200D\u2060\uFEFF')).toBe('Reiwa');
    expect(normaliseUnicode('\u202Eawie\u202C \u2066Abe\u2069 \u200E\u200F\u061C')).toBe('awie Abe ');
  });

  it('applies NFKC and straightens curly quotes', () => {
    expect(normaliseUnicode('\uFF34\uFF4F\uFF59\uFF4F\uFF54\uFF41')).toBe('Toyota');
    expect(normaliseUnicode('\u201CReiwa\u201D means \u2018harmony\u2019 \u2014 Japan\u2019s era')).toBe(
      "\"Reiwa\" means 'harmony'   Japan's era",
    );
  });

  it('keeps diacritics and Japanese text as they are', () => {
    expect(normaliseUnicode('Shinz\u014D Abe')).toBe('Shinz\u014D Abe');
    expect(normaliseUnicode('\u304C\u3093\u3070\u308B')).toBe('\u304C\u3093\u3070\u308B');
  });

  it('returns plain ASCII text unchanged', () => {
    const text = 'What does Reiwa mean? F-35 -- "quoted"';
    expect(normaliseUnicode(text)).toBe(text);
  });
});

describe('foldLatinDiacritics', () => {
  it('folds diacritics on Latin letters so that Shinzō meets Shinzo', () => {
    expect(foldLatinDiacritics('Shinz\u014D')).toBe('Shinzo');
    expect(foldLatinDiacritics('Pok\u00E9mon, na\u00EFve, Se\u00F1or, \u1EC7')).toBe(
      'Pokemon, naive, Senor, e',
    );
    // Decomposed input (o + combining macron) folds the same way.
    expect(foldLatinDiacritics('Shinzo\u0304')).toBe('Shinzo');
  });

  it('never strips the marks of Japanese kana: が stays が, one character', () => {
    expect(foldLatinDiacritics('\u304C')).toBe('\u304C');
    expect(foldLatinDiacritics('\u304B\u3099')).toBe('\u304C');
    expect(foldLatinDiacritics('\u30D1\u30FC\u30C8\u30CA\u30FC\u30B7\u30C3\u30D7')).toBe(
      '\u30D1\u30FC\u30C8\u30CA\u30FC\u30B7\u30C3\u30D7',
    );
  });
});
