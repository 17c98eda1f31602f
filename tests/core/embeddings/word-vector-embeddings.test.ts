import { describe, expect, it } from 'vitest';

import { cosineSimilarity } from '../../../src/core/embeddings/vector-math.js';
import {
  WORD_VECTOR_DEFAULTS,
  WordVectorEmbeddings,
} from '../../../src/core/embeddings/word-vector-embeddings.js';
import { defaultWordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';

const embeddings = new WordVectorEmbeddings();

async function cosine(query: string, document: string): Promise<number> {
  const [queryVector, [documentVector]] = await Promise.all([
    embeddings.embedQuery(query),
    embeddings.embedDocuments([document]),
  ]);
  return cosineSimilarity(queryVector, documentVector ?? []);
}

describe('WordVectorEmbeddings', () => {
  it('has the word table’s dimensions and returns unit vectors', async () => {
    const vector = await embeddings.embedQuery('alliance');
    expect(vector).toHaveLength(defaultWordVectorTable().dimensions);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });

  it('relates paraphrases that share no word', async () => {
    expect(await cosine('firms hiring workers', 'companies creating jobs')).toBeGreaterThan(
      await cosine('firms hiring workers', 'volcanic islands erupted'),
    );
  });

  it('reads a question typo as the word it stands for', async () => {
    expect(await cosine('campain', 'campaign')).toBeGreaterThan(0.9);
  });

  it('does not correct passages: a rare name in a document is not replaced by a near word', async () => {
    const [asDocument] = await embeddings.embedDocuments(['toyata']);
    // No table word, no stem match, no correction: only the fixed "no content" vector is left.
    expect(asDocument?.[0]).toBe(1);
  });

  it('describes itself with every parameter', () => {
    const identity = embeddings.describe();
    expect(identity.id).toMatch(/^kizuna-word-vectors@\d+$/);
    for (const [name, value] of Object.entries(WORD_VECTOR_DEFAULTS))
      expect(identity.params[name]).toBe(value);
    expect(identity.fittedStateHash).toBe(defaultWordVectorTable().sha256);
  });
});
