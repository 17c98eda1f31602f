import { describe, expect, it } from 'vitest';

import { percentile, summarize } from '../../src/eval/percentiles.js';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('gives the sample at rank ceil(p% of n): 50, 95 and 99 of 1..100', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
  });

  it('always returns one of the samples, never an interpolation', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10, 20], 95)).toBe(20);
    expect(percentile([10, 20], 50)).toBe(10);
  });

  it('does not care about input order, and does not reorder the input', () => {
    const shuffled = [7, 1, 9, 3, 5];
    expect(percentile(shuffled, 50)).toBe(5);
    expect(shuffled).toEqual([7, 1, 9, 3, 5]);
  });

  it('gives the only sample for a single one', () => {
    expect(percentile([4.2], 1)).toBe(4.2);
    expect(percentile([4.2], 99)).toBe(4.2);
  });

  it('refuses an empty sample list and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports count, min, mean, p50, p95, p99 and max', () => {
    expect(summarize([...oneToHundred].reverse())).toEqual({
      count: 100,
      min: 1,
      mean: 50.5,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
  });

  it('refuses an empty sample list', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});
