import { describe, expect, it } from 'vitest';

import {
  HASHED_NGRAM_DEFAULTS,
  HashedNgramEmbeddings,
} from '../../../src/core/embeddings/hashed-ngram-embeddings.js';
import { cosineSimilarity } from '../../../src/core/embeddings/vector-math.js';

const embeddings = new HashedNgramEmbeddings();

async function cosine(query: string, document: string): Promise<number> {
  const [queryVector, [documentVector]] = await Promise.all([
    embeddings.embedQuery(query),
    embeddings.embedDocuments([document]),
  ]);
  return cosineSimilarity(queryVector, documentVector ?? []);
}

describe('HashedNgramEmbeddings', () => {
  it('hashes into the configured number of dimensions and returns unit vectors', async () => {
    const small = new HashedNgramEmbeddings({ dimensions: 64 });
    const vector = await small.embedQuery('reciprocal trade between allies');
    expect(vector).toHaveLength(64);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(embeddings.dimensions).toBe(HASHED_NGRAM_DEFAULTS.dimensions);
  });

  it('matches inflections through shared stems', async () => {
    expect(await cosine('investing', 'investment plans')).toBeGreaterThan(
      await cosine('investing', 'security plans'),
    );
  });

  it('matches typos through shared character n-grams, even without typo correction', async () => {
    const uncorrected = new HashedNgramEmbeddings({ minCorrectionLength: 1_000 });
    const [query, [right, wrong]] = await Promise.all([
      uncorrected.embedQuery('Mazada'),
      uncorrected.embedDocuments(['Mazda built a plant.', 'Honda built a plant.']),
    ]);
    expect(cosineSimilarity(query, right ?? [])).toBeGreaterThan(cosineSimilarity(query, wrong ?? []));
  });

  it('weighs rare words above common ones (fixed frequency prior, not corpus statistics)', async () => {
    // The query shares one word with each passage: a rare one with the first, a common one with the second.
    const rareShared = await cosine('sanctions year', 'sanctions imposed');
    const commonShared = await cosine('sanctions year', 'year ended');
    expect(rareShared).toBeGreaterThan(commonShared);
  });

  it('gives a text the same vector whatever else has been embedded before', async () => {
    const fresh = new HashedNgramEmbeddings();
    const text = 'Memorandum of Cooperation on energy infrastructure';
    const before = await fresh.embedDocuments([text]);
    await fresh.embedDocuments([
      'Lots of other text about energy, infrastructure and cooperation.',
      'More text.',
    ]);
    expect(await fresh.embedDocuments([text])).toEqual(before);
  });

  it('describes itself with every parameter and changes identity when one changes', () => {
    const identity = embeddings.describe();
    expect(identity.id).toMatch(/^kizuna-hashed-ngram@\d+$/);
    for (const [name, value] of Object.entries(HASHED_NGRAM_DEFAULTS))
      expect(identity.params[name]).toBe(value);
    expect(new HashedNgramEmbeddings({ maxNgram: 4 }).describe().params).not.toEqual(identity.params);
  });
});
