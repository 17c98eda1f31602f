import { describe, expect, it } from 'vitest';
import { droppedQualifiers, qualifiedRankings } from '../../../src/core/grounding/rankings.js';

describe('qualifiedRankings', () => {
  it('GIVEN ordinals and "one of the" before a superlative THEN each ranking is found with its qualifier', () => {
    expect(
      qualifiedRankings([
        'Japan represents the third largest source of FDI.',
        "Japan is one of the world's largest purchasers of the F-35 jet.",
        'the 2nd most important partner',
      ]),
    ).toEqual([
      { qualifier: 'third', superlative: 'largest' },
      { qualifier: 'one of the', superlative: 'largest' },
      { qualifier: '2nd', superlative: 'most important' },
    ]);
  });

  it('GIVEN a bare superlative THEN there is no qualified ranking', () => {
    expect(qualifiedRankings(['the largest trade deal ever'])).toEqual([]);
  });
});

describe('droppedQualifiers', () => {
  const passage = ['Japan represents the third largest source of FDI.'];

  it('GIVEN a claim that keeps the superlative but not "third" THEN that ranking is reported', () => {
    expect(droppedQualifiers('Japan is the largest source of FDI', passage)).toEqual([
      { qualifier: 'third', superlative: 'largest' },
    ]);
  });

  it('GIVEN a claim with the qualifier, or without the superlative THEN nothing is dropped', () => {
    expect(droppedQualifiers('Japan is the third largest source of FDI', passage)).toEqual([]);
    expect(droppedQualifiers('Japan is a big source of FDI', passage)).toEqual([]);
  });
});
