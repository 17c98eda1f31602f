import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { groundReply } from '../../../src/core/grounding/index.js';
import { passageFinder } from './fixture-passages.js';

interface FixtureCase {
  readonly id: string;
  readonly expect: 'pass' | 'fail';
  readonly attack?: string;
  readonly cites: readonly string[];
  readonly reply: string;
}

interface FixtureFile {
  readonly passages: Readonly<Record<string, string>>;
  readonly cases: readonly FixtureCase[];
}

const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/model-sentences.json'), 'utf8'),
) as FixtureFile;

let find: (phrase: string) => RetrievedPassage;

beforeAll(async () => {
  find = await passageFinder();
});

/** Kept whole: nothing dropped and something still answers. */
function keptWhole(item: FixtureCase): boolean {
  const passages = item.cites.map((key) => find(fixtures.passages[key] ?? key));
  const result = groundReply(item.reply, passages);
  return result.dropped.length === 0 && result.answers;
}

describe('grounding on hand-written model sentences about the fact sheets', () => {
  it('has at least 25 faithful and 25 adversarial sentences, every attack kind represented', () => {
    const faithful = fixtures.cases.filter((item) => item.expect === 'pass');
    const adversarial = fixtures.cases.filter((item) => item.expect === 'fail');
    expect(faithful.length).toBeGreaterThanOrEqual(25);
    expect(adversarial.length).toBeGreaterThanOrEqual(25);
    expect(new Set(adversarial.map((item) => item.attack))).toEqual(
      new Set([
        'invented claim',
        'changed number',
        'added negation',
        'wrong passage',
        'fabricated quotation',
      ]),
    );
  });

  it.each(fixtures.cases.filter((item) => item.expect === 'pass').map((item) => [item.id, item] as const))(
    'GIVEN the faithful paraphrase %s THEN it is kept whole',
    (_id, item) => {
      expect(keptWhole(item), item.reply).toBe(true);
    },
  );

  it.each(fixtures.cases.filter((item) => item.expect === 'fail').map((item) => [item.id, item] as const))(
    'GIVEN the adversarial sentence %s THEN it is dropped',
    (_id, item) => {
      expect(keptWhole(item), item.reply).toBe(false);
    },
  );
});
