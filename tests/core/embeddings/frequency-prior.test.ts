import { describe, expect, it } from 'vitest';

import { hashString } from '../../../src/core/embeddings/feature-hash.js';
import { informationPrior, smoothInverseFrequency } from '../../../src/core/embeddings/frequency-prior.js';

describe('frequency priors', () => {
  it('give rarer words (higher ranks) more weight, starting at 1 for the most frequent', () => {
    expect(informationPrior(0, 100)).toBe(1);
    expect(informationPrior(10_000, 100)).toBeGreaterThan(informationPrior(100, 100));
    expect(smoothInverseFrequency(10_000, 0.001, 400_000)).toBeGreaterThan(
      smoothInverseFrequency(10, 0.001, 400_000),
    );
    expect(smoothInverseFrequency(10_000, 0.001, 400_000)).toBeLessThan(1);
  });
});

describe('hashString', () => {
  it('is deterministic, depends on the seed and hashes a substring like the equal string', () => {
    expect(hashString('toyota', 1)).toBe(hashString('toyota', 1));
    expect(hashString('toyota', 1)).not.toBe(hashString('toyota', 2));
    expect(hashString('<toyota>', 7, 1, 4)).toBe(hashString('toy', 7));
  });

  it('spreads similar strings over buckets', () => {
    const buckets = new Set(Array.from({ length: 200 }, (_, index) => hashString(`ngram${index}`, 0) % 64));
    expect(buckets.size).toBeGreaterThan(50);
  });
});
