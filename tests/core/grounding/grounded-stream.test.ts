import { beforeAll, describe, expect, it } from 'vitest';

import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { createGroundedStream } from '../../../src/core/grounding/index.js';
import { passageFinder } from './fixture-passages.js';

let passages: RetrievedPassage[];

beforeAll(async () => {
  const find = await passageFinder();
  passages = [find('which means "beautiful harmony."'), find('support over 850,000 American jobs')];
});

describe('createGroundedStream', () => {
  it('GIVEN a reply arriving in pieces THEN a sentence is released only once the next begins, and only if verified', () => {
    const stream = createGroundedStream(passages);
    const released: (string | undefined)[] = [];

    for (const piece of [
      'Reiwa means "beautiful ',
      'harmony" [1].',
      ' The alliance was dissolved [1].',
      ' Japanese companies ',
      'support 850k jobs [2].',
    ]) {
      released.push(stream.push(piece));
    }

    // "…[1]." could still be followed by another marker; the dissolved sentence never appears.
    expect(released).toEqual([
      undefined,
      undefined,
      'Reiwa means "beautiful harmony" [1].',
      undefined,
      undefined,
    ]);
    expect(stream.finish().text).toBe(
      'Reiwa means "beautiful harmony" [1]. Japanese companies support 850k jobs [2].',
    );
  });
});
