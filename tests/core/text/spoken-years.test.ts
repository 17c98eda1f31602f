import { describe, expect, it } from 'vitest';

import { spokenYears } from '../../../src/core/text/spoken-years.js';

describe('spokenYears', () => {
  it.each([
    ['back in twenty sixteen', 'back in 2016'],
    ['the twenty-nineteen sheet', 'the 2019 sheet'],
    ['nineteen ninety-nine', '1999'],
    ['twenty twenty', '2020'],
    ["after the vote in '16", 'after the vote in 2016'],
    ['the may ’19 doc', 'the may 2019 doc'],
  ])('GIVEN "%s" THEN the year reads in digits: "%s"', (text, expected) => {
    expect(spokenYears(text)).toBe(expected);
  });

  it.each(['twenty five jobs', 'nineteen rounds', "the '90s", 'F-35s', "it's 16 o'clock"])(
    'GIVEN "%s" THEN it is left alone (not a year)',
    (text) => {
      expect(spokenYears(text)).toBe(text);
    },
  );
});
