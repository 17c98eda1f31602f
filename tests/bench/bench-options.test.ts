import { describe, expect, it } from 'vitest';

import { BenchUsageError, DEFAULT_SIZES, parseBenchArgs, QUICK_SIZES } from '../../bench/bench-options.js';

describe('parseBenchArgs', () => {
  it('measures 10,000 and 100,000 passages by default, and prints a table', () => {
    expect(parseBenchArgs([])).toEqual({ json: false, check: false, help: false, sizes: DEFAULT_SIZES });
    expect(DEFAULT_SIZES).toEqual([10_000, 100_000]);
  });

  it('measures 10,000 passages only with --quick', () => {
    expect(parseBenchArgs(['--quick']).sizes).toEqual(QUICK_SIZES);
    expect(QUICK_SIZES).toEqual([10_000]);
  });

  it('takes --sizes as a list, in either form, sorted and without repeats; it overrides --quick', () => {
    expect(parseBenchArgs(['--sizes', '50000,10000']).sizes).toEqual([10_000, 50_000]);
    expect(parseBenchArgs(['--sizes=20_000,20000', '--quick']).sizes).toEqual([20_000]);
  });

  it('switches on JSON output and the exit status check', () => {
    expect(parseBenchArgs(['--json', '--check'])).toMatchObject({ json: true, check: true });
  });

  it('refuses unknown arguments and sizes that are not passage counts, saying which', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
    expect(() => parseBenchArgs(['--sizes'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--sizes', '10k'])).toThrow(/"10k" is not a passage count/);
    expect(() => parseBenchArgs(['--sizes', '0'])).toThrow(BenchUsageError);
  });
});
