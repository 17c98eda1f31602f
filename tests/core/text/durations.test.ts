import { describe, expect, it } from 'vitest';

import { monthsAsYears } from '../../../src/core/text/durations.js';

describe('monthsAsYears', () => {
  it.each([
    ['how close did they get within 12 months?', 'how close did they get within one year?'],
    ['in 24 months', 'in two years'],
    ['a 12-month plan', 'a one-year plan'],
    ['over 120 months', 'over 10 years'],
  ])('GIVEN "%s" THEN the whole years are read as the sheets count them: "%s"', (text, expected) => {
    expect(monthsAsYears(text)).toBe(expected);
  });

  it.each(['in 18 months', 'the last 6 months', 'F-35 deliveries in 2019', 'what happened last month?'])(
    'GIVEN "%s" THEN it is left alone (not a whole number of years, or no months at all)',
    (text) => {
      expect(monthsAsYears(text)).toBe(text);
    },
  );
});
