import { describe, expect, it } from 'vitest';

import { formatDisplayDate, parsePartialIsoDate } from '../../../src/core/knowledge/iso-date.js';

describe('parsePartialIsoDate', () => {
  it('reads a day, a month or a year', () => {
    expect(parsePartialIsoDate('2019-05-25')).toEqual({ year: 2019, month: 5, day: 25 });
    expect(parsePartialIsoDate('2018-04')).toEqual({ year: 2018, month: 4 });
    expect(parsePartialIsoDate('2018')).toEqual({ year: 2018 });
  });

  it.each(['2019-02-29', '2019-04-31', '2019-00', '2019-13-01', '2019-5-25', '2019/05/25', 'May 2019', ''])(
    'refuses %j',
    (text) => {
      expect(parsePartialIsoDate(text)).toBeUndefined();
    },
  );

  it('knows leap years', () => {
    expect(parsePartialIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe('formatDisplayDate', () => {
  it('writes dates as in a citation, saying when they are approximate', () => {
    expect(formatDisplayDate({ year: 2019, month: 5, day: 25 }, false)).toBe('May 25, 2019');
    expect(formatDisplayDate({ year: 2018, month: 4 }, false)).toBe('April 2018');
    expect(formatDisplayDate({ year: 2018 }, true)).toBe('2018 (approximate)');
  });
});
