import { beforeAll, describe, expect, it } from 'vitest';

import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { groundReply } from '../../../src/core/grounding/index.js';
import { passageFinder } from './fixture-passages.js';

let reiwa: RetrievedPassage;
let jobs: RetrievedPassage;
let f35: RetrievedPassage;
const FDI =
  'Japan represents the third largest source of Foreign Direct Investment (FDI) into the United States, with total 2016 FDI exceeding $424 billion.';

beforeAll(async () => {
  const find = await passageFinder();
  reiwa = find('which means "beautiful harmony."');
  jobs = find('support over 850,000 American jobs');
  f35 = find('American-made F-35 jet');
});

describe('groundReply', () => {
  it('GIVEN the hostile reply from issue 7 THEN only the true, cited sentence is left', () => {
    const result = groundReply(
      'Reiwa means "beautiful harmony" [1]. The alliance was formally dissolved in 2020 [1]. @everyone see.',
      [reiwa],
    );

    expect(result.text).toBe('Reiwa means "beautiful harmony" [1].');
    expect(result.answers).toBe(true);
    expect(result.dropped).toEqual([
      expect.objectContaining({
        sentence: 'The alliance was formally dissolved in 2020 [1].',
        code: 'number',
      }),
      expect.objectContaining({ sentence: '@everyone see.', code: 'uncited' }),
    ]);
  });

  it('GIVEN a ranking repeated without its qualifier THEN the sentence is dropped; kept with it', () => {
    const fdi = [{ ...f35, passage: { ...f35.passage, text: FDI } }];
    const bare = groundReply(
      'Japan is the largest source of Foreign Direct Investment into the United States [1].',
      fdi,
    );
    expect(bare.answers).toBe(false);
    expect(bare.dropped[0]).toMatchObject({ code: 'ranking' });
    expect(bare.dropped[0]?.reason).toContain('"largest" drops "third"');
    const kept = groundReply(
      'Japan is the third largest source of Foreign Direct Investment into the United States [1].',
      fdi,
    );
    expect(kept.answers).toBe(true);
    const jets = groundReply('Japan is the largest purchaser of the American-made F-35 jet [1].', [f35]);
    expect(jets.dropped[0]).toMatchObject({ code: 'ranking' });
    expect(groundReply('Japan is one of the largest purchasers of the F-35 jet [1].', [f35]).answers).toBe(
      true,
    );
  });

  it('GIVEN grouped markers THEN they are written [1][2], and a marker beyond the list is removed', () => {
    const result = groundReply('Japan is one of the largest purchasers of the F-35 [2, 5].', [jobs, f35]);

    expect(result.text).toBe('Japan is one of the largest purchasers of the F-35 [2].');
    expect(result.kept[0]?.markers).toEqual([2]);
  });

  it('GIVEN a clause that fails THEN the other clause is kept as a sentence with its citation', () => {
    const result = groundReply(
      'Japanese companies support over 850,000 American jobs [1]; the plan was cancelled in 2021 [1].',
      [jobs],
    );

    expect(result.text).toBe('Japanese companies support over 850,000 American jobs [1].');
    expect(result.dropped.map((dropped) => dropped.code)).toEqual(['number']);
  });

  it('GIVEN ", and" inside a list THEN the list is not split into clauses', () => {
    const result = groundReply(
      'Through investment, hiring, and workforce development, Japanese companies support over 850,000 American jobs [1].',
      [jobs],
    );

    expect(result.kept).toHaveLength(1);
    expect(result.dropped).toEqual([]);
  });

  it('GIVEN markers written after the full stop THEN they still belong to their sentence', () => {
    const result = groundReply(
      'Reiwa means "beautiful harmony". [1] Japanese companies support 850k jobs. [2]',
      [reiwa, jobs],
    );

    expect(result.dropped).toEqual([]);
    expect(result.kept.map((kept) => kept.markers)).toEqual([[1], [2]]);
  });

  it('GIVEN only connectives and a statement of what the sheets omit THEN nothing answers', () => {
    const result = groundReply(
      'Here is what the fact sheets say. The fact sheets do not say how many jets Japan bought.',
      [f35],
    );

    expect(result.kept.map((kept) => kept.kind)).toEqual(['connective', 'limitation']);
    expect(result.answers).toBe(false);
  });

  it('GIVEN a sentence cited to the wrong passage THEN the reason names the passage that supports it', () => {
    const result = groundReply('Reiwa means "beautiful harmony" [1].', [jobs, reiwa]);

    expect(result.dropped[0]?.reason).toMatch(/passage \[2\] supports it/);
    expect(result.answers).toBe(false);
  });
});
