import { describe, expect, it } from 'vitest';

import { TokenFeatureStore } from '../../../src/core/embeddings/token-feature-store.js';

describe('TokenFeatureStore', () => {
  it('remembers each token’s features and word row, growing as needed', () => {
    const store = new TokenFeatureStore();
    for (let index = 0; index < 5_000; index += 1) {
      store.add(`token${index}`, [index % 7, (index + 1) % 7], [1, -index], index, index / 2);
    }
    const entry = store.entryOf('token4321');
    expect(store.wordRow(entry)).toBe(4321);
    expect(store.wordWeight(entry)).toBe(4321 / 2);
    const target = new Float32Array(10);
    store.addFeaturesTo(entry, 2, target, 3);
    expect(target[3 + (4321 % 7)]).toBe(2);
    expect(target[3 + (4322 % 7)]).toBe(-2 * 4321);
  });

  it('answers -1 for unknown tokens', () => {
    expect(new TokenFeatureStore().entryOf('never-added')).toBe(-1);
  });

  it('starts over when full instead of growing without bound', () => {
    const store = new TokenFeatureStore(3);
    for (const token of ['a', 'b', 'c', 'd']) store.add(token, [0], [1], -1, 0);
    expect(store.size).toBe(1);
    expect(store.entryOf('a')).toBe(-1);
    expect(store.entryOf('d')).toBe(0);
  });
});
