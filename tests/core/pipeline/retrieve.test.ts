import { describe, expect, it } from 'vitest';

import type { Reading } from '../../../src/core/pipeline/interpret.js';
import {
  distinctFirst,
  withRemarksBehind,
  withSharpAnswersAhead,
} from '../../../src/core/pipeline/retrieve.js';
import { makeRetrieved } from '../../support/passages.js';

const hit = makeRetrieved;

describe('distinctFirst', () => {
  const copy = (partner: string, score: number) =>
    hit(
      `To protect sensitive information, the United States-${partner} partnership in digital economy ensures that cyberspace adheres to international laws.`,
      score,
    );

  it('GIVEN near-copies of the first passage about other partners THEN the next distinct passage takes their place', () => {
    const italy = copy('Italy', 0.62);
    const australia = copy('Australia', 0.61);
    const vietnam = copy('Vietnam', 0.6);
    const network = hit('Together, we are improving energy and digital network security.', 0.59);
    const alliances = hit('The leaders are working to build a network of alliances and partnerships.', 0.58);
    expect(distinctFirst([italy, australia, vietnam, network, alliances], 3)).toEqual([
      italy,
      network,
      alliances,
    ]);
  });

  it('GIVEN fewer distinct passages than asked for THEN near-copies fill in, in their order', () => {
    const italy = copy('Italy', 0.62);
    const australia = copy('Australia', 0.61);
    const network = hit('Together, we are improving energy and digital network security.', 0.59);
    const vietnam = copy('Vietnam', 0.58);
    expect(distinctFirst([italy, australia, network, vietnam], 3)).toEqual([italy, australia, network]);
  });

  it('GIVEN passages that share some words but say different things THEN nothing moves', () => {
    const friendship = hit(
      'President Trump and Prime Minister Abe have worked together to reaffirm the alliance.',
      0.6,
    );
    const network = hit(
      'President Trump and Prime Minister Abe are working to build a network of alliances.',
      0.55,
    );
    const energy = hit('The United States and Japan launched a Strategic Energy Partnership.', 0.5);
    expect(distinctFirst([friendship, network, energy], 2)).toEqual([friendship, network]);
  });
});

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
