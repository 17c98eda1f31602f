import { describe, expect, it } from 'vitest';
import {
  alignmentScore,
  preparePassage,
  rerankByAlignment,
  type AlignmentContext,
} from '../../../src/core/retrieval/soft-alignment.js';
import type { TermCoverage } from '../../../src/core/retrieval/term-coverage.js';
import { stem } from '../../../src/core/text/stem.js';

/** Two-dimensional "meanings": kin ≈ families (cosine 0.8), sanctions ⟂ families. */
const VECTORS: Record<string, [number, number]> = {
  kin: [0.8, 0.6],
  families: [1, 0],
  sanctions: [0, 1],
  abducted: [0.6, 0.8],
};

const context = (passagesUsing: Record<string, number> = {}): AlignmentContext => ({
  unitVector: (token) => {
    const vector = VECTORS[token];
    return vector === undefined ? undefined : Float32Array.from(vector);
  },
  passagesUsing: (word) => passagesUsing[word] ?? 1,
  passageCount: 40,
});

function term(
  token: string,
  kind: TermCoverage['kind'] = 'exact',
  extra: Partial<TermCoverage> = {},
): TermCoverage {
  return {
    term: {
      word: token,
      wordIndex: 0,
      token,
      stem: stem(token),
      numeric: /^\d+$/.test(token),
      properNoun: false,
    },
    kind,
    ...extra,
  };
}

describe('alignmentScore', () => {
  it('GIVEN a passage that uses every word of the question THEN it aligns fully', () => {
    expect(
      alignmentScore([term('families'), term('abducted')], 'Families of those abducted.', context()),
    ).toBe(1);
  });

  it('GIVEN a word the passage does not use THEN it counts by its closest passage word in meaning', () => {
    const score = alignmentScore([term('kin', 'missing')], 'They met the families.', context());
    expect(score).toBeCloseTo(0.8, 5);
    expect(alignmentScore([term('kin', 'missing')], 'Four rounds of sanctions.', context())).toBeCloseTo(
      0.6,
      5,
    );
  });

  it('GIVEN a typo or paraphrase read as a sheet word THEN the passage using that word covers it', () => {
    expect(alignmentScore([term('famlies', 'typo', { via: 'families' })], 'the families', context())).toBe(1);
  });

  it('GIVEN a word rare in the sheets THEN it weighs more than a common one (inverse document frequency)', () => {
    const coverage = [term('abducted'), term('families')];
    const rareAbducted = context({ [stem('abducted')]: 1, [stem('families')]: 30 });
    const onlyAbducted = alignmentScore(coverage, 'those abducted', rareAbducted);
    const onlyFamilies = alignmentScore(coverage, 'the families', rareAbducted);
    expect(onlyAbducted).toBeGreaterThan(onlyFamilies);
  });

  it('GIVEN numbers and filler THEN they are left out: the judge checks numbers, retrieval matches them', () => {
    const coverage = [term('families'), term('2017'), term('what', 'filler')];
    expect(alignmentScore(coverage, 'the families', context())).toBe(1);
  });
});

describe('rerankByAlignment', () => {
  const passages = [
    { id: 'sanctions', score: 0.6, passage: { text: 'Four rounds of sanctions.' } },
    { id: 'families', score: 0.55, passage: { text: 'They met the families.' } },
  ];

  it('GIVEN a close runner-up that covers the question better THEN it comes first', () => {
    const ranked = rerankByAlignment(passages, [term('kin', 'missing')], context());
    expect(ranked.map((item) => item.id)).toEqual(['families', 'sanctions']);
  });

  it('GIVEN a memo THEN alignments are computed once per passage and reused, with the same order', () => {
    const memo = new Map<string, number>();
    const first = rerankByAlignment(passages, [term('kin', 'missing')], context(), 0.5, memo);
    expect([...memo.keys()]).toEqual(['Four rounds of sanctions.', 'They met the families.']);
    memo.set('Four rounds of sanctions.', 1);
    const again = rerankByAlignment(passages, [term('kin', 'missing')], context(), 0.5, memo);
    expect(first.map((item) => item.id)).toEqual(['families', 'sanctions']);
    expect(again.map((item) => item.id)).toEqual(['sanctions', 'families']);
  });

  it('GIVEN a fully aligned best passage THEN its score stays on the retriever scale', () => {
    const ranked = rerankByAlignment(passages, [term('sanctions')], context());
    expect(ranked[0]).toMatchObject({ id: 'sanctions', score: 0.6 });
  });

  it('GIVEN a question of filler only, or nothing retrieved THEN the order is kept', () => {
    expect(rerankByAlignment(passages, [term('what', 'filler')], context()).map((item) => item.id)).toEqual([
      'sanctions',
      'families',
    ]);
    expect(rerankByAlignment([], [term('kin')], context())).toEqual([]);
  });
});

describe('preparePassage', () => {
  it('GIVEN word vectors of one length THEN they are also packed one after another, in the same order', () => {
    const vectors: Record<string, Float32Array> = {
      kin: Float32Array.from([0.8, 0.6]),
      families: Float32Array.from([1, 0]),
    };
    const prepared = preparePassage('kin families', (token) => vectors[token]);
    expect(prepared.packed?.width).toBe(2);
    expect([...(prepared.packed?.matrix ?? [])]).toEqual([
      ...prepared.vectors.flatMap((vector) => [...vector]),
    ]);
  });

  it('GIVEN word vectors of different lengths THEN they are not packed', () => {
    const vectors: Record<string, Float32Array> = {
      kin: Float32Array.from([0.8, 0.6]),
      families: Float32Array.from([1, 0, 0]),
    };
    expect(preparePassage('kin families', (token) => vectors[token]).packed).toBeUndefined();
  });
});
