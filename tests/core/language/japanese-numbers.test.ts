import { describe, expect, it } from 'vitest';

import { findJapaneseNumbers } from '../../../src/core/language/japanese-numbers.js';

function english(text: string): string[][] {
  return findJapaneseNumbers(text.normalize('NFKC')).map((number) => [...number.english]);
}

describe('findJapaneseNumbers', () => {
  it.each([
    ['85万', '850,000'],
    ['85万人', '850,000'],
    ['８５万', '850,000'],
    ['16億ドル', '$1.6 billion'],
    ['十六億ドル', '$1.6 billion'],
    ['4240億ドル', '$424 billion'],
    ['4000人', '4,000'],
    ['4,000人', '4,000'],
    ['4千人', '4,000'],
    ['三十', '30'],
    ['2017年', '2017'],
    ['二〇一七年', '2017'],
    ['11月', 'November'],
    ['3番目', 'third'],
    ['第3位', 'third'],
  ])('GIVEN %s THEN the sheets write it %s', (text, expected) => {
    expect(english(text)).toEqual([[expected]]);
  });

  it('GIVEN 4回 THEN it gives "4", "four" and "rounds", as in "four rounds of sanctions"', () => {
    expect(english('4回')).toEqual([['4', 'four', 'rounds']]);
    expect(english('四回')).toEqual([['4', 'four', 'rounds']]);
  });

  it('GIVEN a date THEN year and month are separate numbers', () => {
    expect(english('2017年11月')).toEqual([['2017'], ['November']]);
  });

  it('GIVEN a lone kanji numeral inside a word THEN it is not a number', () => {
    expect(english('一緒に千葉へ')).toEqual([]);
  });

  it('GIVEN a number THEN its value, unit and span in the text are kept', () => {
    expect(findJapaneseNumbers('投資は16億ドル')).toEqual([
      { text: '16億ドル', start: 3, value: 1_600_000_000, unit: 'ドル', english: ['$1.6 billion'] },
    ]);
  });
});
