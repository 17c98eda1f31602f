import { describe, expect, it } from 'vitest';

import { approximateSearchRecall } from '../../bench/measure-scale.js';

describe('approximateSearchRecall', () => {
  const query = [1, 0];
  // The exact 2 nearest: labels 0 and 1, the 2nd at similarity 0.9; label 2 is exactly as close as label 1.
  const exact = new Map([
    [
      query,
      [
        { label: 0, similarity: 0.99 },
        { label: 1, similarity: 0.9 },
      ],
    ],
  ]);

  it('counts a result as close as the exact k-th as found (a tie), and reports the strict share beside it', () => {
    const recall = approximateSearchRecall([query], exact, () => ({
      neighbors: [0, 2],
      distances: [0.01, 0.1],
    }));
    expect(recall.recallAt24).toBe(1);
    expect(recall.strictRecallAt24).toBe(0.5);
  });

  it('does not count a result farther than the exact k-th', () => {
    const recall = approximateSearchRecall([query], exact, () => ({
      neighbors: [0, 3],
      distances: [0.01, 0.2],
    }));
    expect(recall).toEqual({ recallAt24: 0.5, strictRecallAt24: 0.5 });
  });
});
