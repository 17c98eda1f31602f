import { describe, expect, it } from 'vitest';
import { diffPassages } from '../../../src/core/service/diff-passages.js';
import { makePassage } from '../../support/passages.js';

describe('diffPassages', () => {
  const a = makePassage('A', { id: 'd#a', section: 'ONE' });
  const b = makePassage('B', { id: 'd#b', section: 'ONE' });
  const c = makePassage('C', { id: 'd#c', section: 'TWO' });

  it('GIVEN identical knowledge THEN everything is kept', () => {
    expect(diffPassages([a, b, c], [a, b, c])).toEqual({ added: 0, removed: 0, changed: 0, kept: 3 });
  });

  it('GIVEN one passage rewritten in place THEN it counts as changed, not added and removed', () => {
    const b2 = makePassage('B, reworded', { id: 'd#b2', section: 'ONE' });
    expect(diffPassages([a, b, c], [a, b2, c])).toEqual({ added: 0, removed: 0, changed: 1, kept: 2 });
  });

  it('GIVEN a new passage and a deleted one in different sections THEN one added and one removed', () => {
    const d = makePassage('D', { id: 'd#d', section: 'THREE' });
    expect(diffPassages([a, b, c], [a, b, d])).toEqual({ added: 1, removed: 1, changed: 0, kept: 2 });
  });

  it('GIVEN everything new THEN the counts add up to both sizes', () => {
    const result = diffPassages([a], [b, c]);
    expect(result.kept + result.changed + result.added).toBe(2);
    expect(result.kept + result.changed + result.removed).toBe(1);
  });
});
