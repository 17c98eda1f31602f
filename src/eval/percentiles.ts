/*
 * The one percentile definition of the evaluation and the benchmark (both report latency percentiles, and the
 * same word must mean the same figure in both reports).
 */

/** Summary of a set of latency samples, in the samples' unit (milliseconds throughout the bench). */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The nearest-rank percentile: the smallest sample that at least `p`% of the samples do not exceed.
 * It is always one of the samples (no interpolation), so a p99 over 100 samples is the second largest.
 * @param p in (0, 100]
 * @throws RangeError for an empty sample list or a p outside (0, 100].
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples to take a percentile of');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  return nearestRank(
    [...samples].sort((a, b) => a - b),
    p,
  );
}

function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** Count, min, mean, p50, p95, p99 and max of the samples. @throws RangeError when there are none. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) throw new RangeError('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => nearestRank(sorted, p);
  return {
    count: sorted.length,
    min: sorted[0]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted[sorted.length - 1]!,
  };
}
