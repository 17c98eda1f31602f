import { describe, expect, it } from 'vitest';
import { nearestMeanings, nearestMeaningsOf } from '../../../src/core/retrieval/term-coverage.js';

const unitOf = (angle: number) => Float32Array.from([Math.cos(angle), Math.sin(angle)]);
/** Sheet words at angles from the query's direction (cosine = cos(angle)). */
const candidates = [
  { word: 'far', vector: unitOf(1.2) },
  { word: 'near', vector: unitOf(0.2) },
  { word: 'nearer', vector: unitOf(0.1) },
  { word: 'middling', vector: unitOf(0.7) },
];

describe('nearestMeaningsOf', () => {
  it.each([
    [0.6, 2],
    [0.75, 1],
    [0.9, 3],
    [0.3, 4],
  ])(
    'GIVEN threshold %s and limit %s THEN the same words in the same order as a fresh scan, asked twice',
    (threshold, limit) => {
      const query = unitOf(0);
      const fresh = nearestMeanings(query, candidates, threshold, limit);
      expect(nearestMeaningsOf('word', query, candidates, threshold, limit)).toEqual(fresh);
      expect(nearestMeaningsOf('word', query, candidates, threshold, limit)).toEqual(fresh);
    },
  );

  it('GIVEN another list of candidates THEN what was remembered for the first is not used', () => {
    const query = unitOf(0);
    expect(nearestMeaningsOf('other', query, candidates, 0.9, 1)).toEqual(['nearer']);
    expect(nearestMeaningsOf('other', query, candidates.slice(0, 2), 0.9, 1)).toEqual(['near']);
  });
});
