import { describe, expect, it } from 'vitest';

import {
  buildCorpusVocabulary,
  createVocabularyCache,
  restoreDocumentVocabulary,
  storedDocumentVocabulary,
  type CorpusVocabulary,
} from '../../../src/core/retrieval/corpus-vocabulary.js';
import type { Passage } from '../../../src/core/types.js';

function passage(documentId: string, position: number, text: string): Passage {
  return {
    id: `${documentId}#${position}`,
    documentId,
    section: 'S',
    kind: 'bullet',
    position,
    line: position,
    text,
  };
}

const sheetA = [
  passage(
    'a',
    0,
    'Loans from the Japan Bank for International Cooperation finance Toyota plants in Alabama.',
  ),
  passage('a', 1, 'Both leaders welcomed the new trade agreement on beef and wheat.'),
];
const sheetB = [
  passage('b', 0, 'NASA and JAXA will explore the Moon together.'),
  passage('b', 1, 'Investment from Japanese companies supports 850,000 American jobs.'),
];

/** Everything a vocabulary holds, in its iteration orders. */
function snapshot(vocabulary: CorpusVocabulary): unknown {
  return {
    counts: [...vocabulary.stemPassageCounts],
    postings: [...vocabulary.postings].map(([term, positions]) => [term, [...positions]]),
    words: [...vocabulary.wordsByLength],
    names: [...vocabulary.names],
    passageCount: vocabulary.passageCount,
  };
}

describe('buildCorpusVocabulary', () => {
  it('counts each stem once per passage, indexes passage positions, and finds names and initialisms', () => {
    const vocabulary = buildCorpusVocabulary([...sheetA, ...sheetB], undefined, ['2019 Partnership']);
    expect([...(vocabulary.postings.get('japan') ?? [])]).toEqual([0]);
    expect([...(vocabulary.postings.get('moon') ?? [])]).toEqual([2]);
    expect(vocabulary.stemPassageCounts.get('partnership')).toBe(1);
    expect(vocabulary.postings.has('partnership')).toBe(false);
    expect([...(vocabulary.postings.get('jbic') ?? [])]).toEqual([0]);
    expect(vocabulary.names.has('toyota')).toBe(true);
    expect(vocabulary.names.has('trade')).toBe(false);
  });

  it('GIVEN a cache THEN reusing unchanged documents gives exactly what a fresh build gives', () => {
    const cache = createVocabularyCache();
    buildCorpusVocabulary([...sheetA, ...sheetB], undefined, [], cache);
    const changedB = [sheetB[0]!, passage('b', 1, 'Toyota and Mazda will build a plant; toyota trucks too.')];
    const reused = buildCorpusVocabulary([...sheetA, ...changedB], undefined, ['title'], cache);
    const fresh = buildCorpusVocabulary([...sheetA, ...changedB], undefined, ['title']);
    expect(snapshot(reused)).toEqual(snapshot(fresh));
    // "toyota" is now also written in lower case, so it no longer counts as a name.
    expect(reused.names.has('toyota')).toBe(false);
    // A document that moved still gives the same result (its cached work is keyed by the passage objects).
    expect(snapshot(buildCorpusVocabulary([...changedB, ...sheetA], undefined, [], cache))).toEqual(
      snapshot(buildCorpusVocabulary([...changedB, ...sheetA])),
    );
  });

  it('GIVEN one document’s work stored and restored into another cache THEN a build gives exactly what a fresh build gives, without that work being redone', () => {
    const built = createVocabularyCache();
    buildCorpusVocabulary([...sheetA, ...sheetB], undefined, [], built);
    const stored = storedDocumentVocabulary(built, sheetA)!;
    // JSON is how it is saved.
    const restoredCache = createVocabularyCache();
    restoreDocumentVocabulary(restoredCache, sheetA, JSON.parse(JSON.stringify(stored)) as typeof stored);
    expect(storedDocumentVocabulary(restoredCache, sheetA)).toEqual(stored);
    expect(snapshot(buildCorpusVocabulary([...sheetA, ...sheetB], undefined, ['t'], restoredCache))).toEqual(
      snapshot(buildCorpusVocabulary([...sheetA, ...sheetB], undefined, ['t'])),
    );
    expect(storedDocumentVocabulary(createVocabularyCache(), sheetA)).toBeUndefined();
  });

  it('refuses stored work that does not fit the passages', () => {
    const built = createVocabularyCache();
    buildCorpusVocabulary(sheetA, undefined, [], built);
    const stored = storedDocumentVocabulary(built, sheetA)!;
    const cache = createVocabularyCache();
    expect(() => restoreDocumentVocabulary(cache, sheetB.slice(0, 1), stored)).toThrowError(/does not fit/);
    expect(() => restoreDocumentVocabulary(cache, sheetA, { ...stored, terms: ['one'] })).toThrowError(
      /names a term it lacks/,
    );
    expect(() => restoreDocumentVocabulary(cache, sheetA, { ...stored, termIds: 'AAA' })).toThrowError();
  });
});
