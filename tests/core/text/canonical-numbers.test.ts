import { describe, expect, it } from 'vitest';

import { canonicaliseNumbers, formatQuantity } from '../../../src/core/text/canonical-numbers.js';
import { readNumberWords } from '../../../src/core/text/number-words.js';

describe('canonicaliseNumbers', () => {
  it.each([
    ['half a million jobs?', 'about 500,000 jobs?'],
    ['a quarter of a million', 'about 250,000'],
    ['half a billion dollars', 'about 500 million dollars'],
  ])(
    'GIVEN "%s" (a share of one of a scale) THEN it reads as an estimate of that figure',
    (written, canonical) => {
      expect(canonicaliseNumbers(written)).toBe(canonical);
    },
  );

  it.each([
    ['1.6 bil', '1.6 billion'],
    ['424bln', '424 billion'],
    ['$2 mil', '$2 million'],
    ['3 mln', '3 million'],
  ])('GIVEN "%s" (a scale abbreviated) THEN it reads as "%s"', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it.each([
    ['three dozen times', '36 times'],
    ['a dozen meetings', '12 meetings'],
    ['a couple thousand', 'about 2,000'],
    ['a couple of hundred', 'about 200'],
    ['dozens of deals', 'dozens of deals'],
  ])('GIVEN "%s" THEN dozens and couples read as figures: "%s"', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it.each([
    ['30ish meetings', 'about 30 meetings'],
    ['850k-ish jobs', 'about 850,000 jobs'],
    ['a stylish answer', 'a stylish answer'],
  ])('GIVEN "%s" THEN a number with -ish reads as an estimate: "%s"', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it.each([
    ['850k', '850,000'],
    ['850K', '850,000'],
    ['850 thousand', '850,000'],
    ['eight hundred fifty thousand', '850,000'],
    ['eight hundred and fifty thousand', '850,000'],
    ['Eight Hundred Fifty Thousand', '850,000'],
  ])('GIVEN "%s" THEN it reads as the sheets\' 850,000', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it.each([
    ['near a million?', 'near 1 million?'],
    ['a thousand jobs', '1,000 jobs'],
    ['a billion dollars', '1 billion dollars'],
    ['a million of them', 'a million of them'],
  ])('GIVEN "%s" (a scale counted by its article) THEN it reads "%s"', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it.each([
    ['$1.6bn', '$1.6 billion'],
    ['$1.6BN', '$1.6 billion'],
    ['1.6 billion', '1.6 billion'],
    ['$1,600,000,000', '$1.6 billion'],
    ['1600000000', '1.6 billion'],
    ['1.6B', '1.6 billion'],
    ['1,600 million', '1.6 billion'],
    ['$424bn', '$424 billion'],
    ['$2m', '$2 million'],
    ['one point', 'one point'],
  ])('GIVEN "%s" THEN it reads "%s", the sheets\' way of writing large amounts', (written, canonical) => {
    expect(canonicaliseNumbers(written)).toBe(canonical);
  });

  it('reads 4k and four thousand as 4,000, and thirty as 30', () => {
    expect(canonicaliseNumbers('4k jobs')).toBe('4,000 jobs');
    expect(canonicaliseNumbers('four thousand jobs')).toBe('4,000 jobs');
    expect(canonicaliseNumbers('nearly thirty meetings')).toBe('nearly 30 meetings');
    expect(canonicaliseNumbers('twenty-five and ninety nine')).toBe('25 and 99');
  });

  it('writes whole numbers below ten in words, as the sheets do ("four rounds")', () => {
    expect(canonicaliseNumbers('4 rounds of sanctions')).toBe('four rounds of sanctions');
    expect(canonicaliseNumbers('four rounds of sanctions')).toBe('four rounds of sanctions');
    expect(canonicaliseNumbers('the 2 leaders')).toBe('the two leaders');
  });

  it('keeps years, numbers already in canonical form, money and decimals as typed', () => {
    for (const text of [
      'in 2017',
      'total 2016 FDI',
      '850,000 jobs',
      '4,000',
      'nearly 30',
      '$4',
      '1.6',
      '2.5',
    ]) {
      expect(canonicaliseNumbers(text)).toBe(text);
    }
  });

  it('keeps model codes intact', () => {
    for (const text of ['F-35', 'B-1 bombers', 'F-35B', 'B-1B', 'F35', 'the F-35s']) {
      expect(canonicaliseNumbers(text)).toBe(text);
    }
  });

  it('leaves ids too long to be a quantity, and "m" without a currency sign (metres)', () => {
    expect(canonicaliseNumbers('123456789012345678')).toBe('123456789012345678');
    expect(canonicaliseNumbers('a 100m sprint')).toBe('a 100m sprint');
  });

  it('leaves scale words with no number before them, and number words inside other words', () => {
    expect(canonicaliseNumbers('billions of dollars')).toBe('billions of dollars');
    expect(canonicaliseNumbers('a hundred')).toBe('a hundred');
    expect(canonicaliseNumbers('someone often done, tone')).toBe('someone often done, tone');
  });

  it('writes small ordinals in words, as the sheets do ("third largest")', () => {
    expect(canonicaliseNumbers('the 3rd largest source')).toBe('the third largest source');
    expect(canonicaliseNumbers('the 1st world leader')).toBe('the first world leader');
    expect(canonicaliseNumbers('the 25th')).toBe('the 25th');
  });
});

describe('readNumberWords', () => {
  it('splits a run that is not one number where it stops being one', () => {
    expect(readNumberWords('one two')).toEqual([
      { kind: 'number', value: 1 },
      { kind: 'number', value: 2 },
    ]);
    expect(readNumberWords('four and five')).toEqual([
      { kind: 'number', value: 4 },
      { kind: 'word', text: 'and' },
      { kind: 'number', value: 5 },
    ]);
    expect(readNumberWords('twenty thirty')).toEqual([
      { kind: 'number', value: 20 },
      { kind: 'number', value: 30 },
    ]);
  });

  it('reads hundreds and descending scales', () => {
    expect(readNumberWords('nineteen hundred')).toEqual([{ kind: 'number', value: 1900 }]);
    expect(readNumberWords('two billion three hundred million')).toEqual([{ kind: 'number', value: 2.3e9 }]);
    expect(readNumberWords('thousand')).toEqual([{ kind: 'word', text: 'thousand' }]);
  });
});

describe('formatQuantity', () => {
  it("formats in the sheets' style", () => {
    expect(formatQuantity(4)).toBe('four');
    expect(formatQuantity(30)).toBe('30');
    expect(formatQuantity(850_000)).toBe('850,000');
    expect(formatQuantity(1_600_000_000)).toBe('1.6 billion');
    expect(formatQuantity(2_500_000)).toBe('2.5 million');
    expect(formatQuantity(1234.5)).toBe('1,234.5');
  });
});
