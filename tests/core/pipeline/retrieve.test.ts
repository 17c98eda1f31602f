import { describe, expect, it } from 'vitest';

import type { Reading } from '../../../src/core/pipeline/interpret.js';
import { withRemarksBehind, withSharpAnswersAhead } from '../../../src/core/pipeline/retrieve.js';
import { makeRetrieved } from '../../support/passages.js';

const hit = makeRetrieved;

describe('withRemarksBehind', () => {
  it('GIVEN a passage that is mostly a quotation just ahead of a plain one THEN the plain one leads', () => {
    const remark = hit(
      'Abe has remarked that, "we have never seen two leaders of our countries this close."',
      0.6,
    );
    const fact = hit('The leaders held nearly 30 official meetings and phone conversations.', 0.55);
    expect(withRemarksBehind([remark, fact]).map((item) => item.passage.text)).toEqual([
      fact.passage.text,
      remark.passage.text,
    ]);
  });

  it('GIVEN a remark far ahead THEN it keeps its place, scored down', () => {
    const remark = hit(
      'Abe has remarked that, "we have never seen two leaders of our countries this close."',
      0.9,
    );
    const fact = hit('The leaders met often.', 0.3);
    const ranked = withRemarksBehind([remark, fact]);
    expect(ranked[0]?.passage.text).toBe(remark.passage.text);
    expect(ranked[0]?.score).toBeCloseTo(0.72);
  });

  it('GIVEN a passage with a short quotation in it THEN its score is untouched', () => {
    const praise = hit('Trump praised Abe as a "tough Prime Minister" who has stood with the alliance.', 0.5);
    expect(withRemarksBehind([praise])[0]?.score).toBe(0.5);
  });

  it('GIVEN a remark that states what was asked for THEN it keeps its score', () => {
    const remark = hit(
      'Abe has remarked that, "over the half-century history of the alliance, never this close."',
      0.6,
    );
    expect(withRemarksBehind([remark], (text) => text.includes('half-century'))[0]?.score).toBe(0.6);
  });
});

describe('withSharpAnswersAhead', () => {
  const reading = (question: string, asks: Reading['asks']) => ({ question, asks }) as Reading;
  const oneOf = makeRetrieved("Japan is one of the world's largest purchasers of the F-35 jet.", 0.55);
  const third = makeRetrieved(
    'Japan represents the third largest source of Foreign Direct Investment.',
    0.52,
  );
  const world = makeRetrieved('The partnership grows secure energy markets across the world.', 0.54);
  const regions = makeRetrieved(
    'The partnership brings energy to Southeast Asia, South Asia, and Sub-Saharan Africa.',
    0.5,
  );

  it('GIVEN "where does Japan rank…?" THEN a standing ("the third largest") comes before "one of the largest"', () => {
    const order = withSharpAnswersAhead(
      [oneOf, third],
      reading('where does japan rank among investors?', 'rank'),
    );
    expect(order[0]?.passage).toBe(third.passage);
  });

  it('GIVEN "which parts of the world…?" THEN places named come before "across the world"', () => {
    const order = withSharpAnswersAhead(
      [world, regions],
      reading('which parts of the world is it aimed at?', 'where'),
    );
    expect(order[0]?.passage).toBe(regions.passage);
  });

  it('GIVEN any other kind of question THEN the order is kept', () => {
    const order = withSharpAnswersAhead([oneOf, third], reading('what does japan buy?', undefined));
    expect(order.map((item) => item.passage)).toEqual([oneOf.passage, third.passage]);
  });
});
