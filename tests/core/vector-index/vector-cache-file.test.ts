import { describe, expect, it } from 'vitest';

import type { EmbedderIdentity } from '../../../src/core/embeddings/embedder-identity.js';
import { textKey } from '../../../src/core/vector-index/passage-hashes.js';
import { decodeVectorCache, encodeVectorCache } from '../../../src/core/vector-index/saved-index.js';
import { VectorCache } from '../../../src/core/vector-index/vector-cache.js';

const identity: EmbedderIdentity = {
  id: 'test@1',
  dimensions: 3,
  params: { n: 2, lower: true },
  fittedStateHash: 'abc',
};

function sampleCache(): VectorCache {
  const cache = VectorCache.empty(identity);
  cache.set(textKey('alpha'), [1, 0.5, -2]);
  cache.set(textKey('beta'), [0, 3.25, 1e-7]);
  cache.set(textKey('gamma'), [-1, -1, -1]);
  return cache;
}

describe('vector cache file', () => {
  it('round-trips keys, vectors and the embedder identity exactly (as float32)', () => {
    const decoded = decodeVectorCache(encodeVectorCache(sampleCache()))!;
    expect(decoded.identity).toEqual(identity);
    expect(decoded.size).toBe(3);
    expect([...decoded.get(textKey('beta'))!]).toEqual([0, 3.25, Math.fround(1e-7)]);
    expect([...decoded.get(textKey('gamma'))!]).toEqual([-1, -1, -1]);
    expect(decoded.get(textKey('delta'))).toBeUndefined();
  });

  it('stores 4 bytes per dimension plus 32 per key, not JSON', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(bytes.length).toBeLessThan(3 * (3 * 4 + 32) + 300);
  });

  it('round-trips an empty cache', () => {
    expect(decodeVectorCache(encodeVectorCache(VectorCache.empty(identity)))!.size).toBe(0);
  });

  it('returns undefined, for the caller to embed again, when another embedder made the vectors', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(decodeVectorCache(bytes, { ...identity, params: { n: 3, lower: true } })).toBeUndefined();
    expect(decodeVectorCache(bytes, { ...identity, fittedStateHash: undefined })).toBeUndefined();
    expect(decodeVectorCache(bytes, identity)?.size).toBe(3);
  });

  it('refuses truncated, padded, corrupted or foreign bytes', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(() => decodeVectorCache(bytes.subarray(0, bytes.length - 4))).toThrowError(/bytes, expected/);
    expect(() => decodeVectorCache(Buffer.concat([bytes, Buffer.alloc(4)]))).toThrowError(/bytes, expected/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 2]! ^= 0x01;
    expect(() => decodeVectorCache(flipped)).toThrowError(/checksum mismatch/);
    expect(() => decodeVectorCache(Buffer.from('{"json": true}'))).toThrowError(/bad magic/);
    expect(() => decodeVectorCache(bytes.subarray(0, 20))).toThrowError(/truncated/);
  });
});

describe('VectorCache', () => {
  it('grows beyond its initial capacity and replaces a key’s vector in place', () => {
    const cache = VectorCache.empty(identity, 1);
    for (let i = 0; i < 50; i += 1) cache.set(`k${i}`, [i, i + 1, i + 2]);
    cache.set('k3', [9, 9, 9]);
    expect(cache.size).toBe(50);
    expect([...cache.get('k49')!]).toEqual([49, 50, 51]);
    expect([...cache.get('k3')!]).toEqual([9, 9, 9]);
  });

  it('rejects vectors of the wrong length', () => {
    expect(() => VectorCache.empty(identity).set('k', [1, 2])).toThrowError(RangeError);
  });
});
