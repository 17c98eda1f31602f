import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';

import {
  createOfflineEmbeddings,
  OFFLINE_EMBEDDINGS_DEFAULTS,
  OfflineEmbeddings,
} from '../../../src/core/embeddings/offline-embeddings.js';
import { cosineSimilarity } from '../../../src/core/embeddings/vector-math.js';
import { defaultWordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';

const embeddings = createOfflineEmbeddings();

const norm = (vector: readonly number[]): number => Math.hypot(...vector);

/** Cosine of a query against each document, embedded the way an index would embed them. */
async function similarities(query: string, documents: string[]): Promise<number[]> {
  const [queryVector, documentVectors] = await Promise.all([
    embeddings.embedQuery(query),
    embeddings.embedDocuments(documents),
  ]);
  return documentVectors.map((vector) => cosineSimilarity(queryVector, vector));
}

describe('OfflineEmbeddings', () => {
  it('is a LangChain Embeddings that returns plain number arrays of its declared dimensions', async () => {
    expect(embeddings).toBeInstanceOf(Embeddings);
    const [vector] = await embeddings.embedDocuments(['Japan and the United States signed an agreement.']);
    expect(Array.isArray(vector)).toBe(true);
    expect(vector).toHaveLength(embeddings.dimensions);
    expect(embeddings.dimensions).toBe(
      OFFLINE_EMBEDDINGS_DEFAULTS.hashedDimensions + defaultWordVectorTable().dimensions,
    );
  });

  it('is deterministic: the same text always gives the same vector, across instances', async () => {
    const text = 'The two leaders reaffirmed their commitment to fair and reciprocal trade.';
    const first = await embeddings.embedQuery(text);
    expect(await embeddings.embedQuery(text)).toEqual(first);
    expect(await new OfflineEmbeddings().embedQuery(text)).toEqual(first);
  });

  it('returns unit-length vectors for documents and queries', async () => {
    const vectors = await embeddings.embedDocuments([
      'Short.',
      'A much longer passage about energy infrastructure investment in Southeast Asia and Africa, repeated energy energy.',
    ]);
    vectors.push(await embeddings.embedQuery('energy?'));
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 5);
  });

  it('embeds a passage independently of the other documents in the batch', async () => {
    const passage = 'Japanese companies invested billions of dollars in American factories.';
    const [alone] = await embeddings.embedDocuments([passage]);
    const [, inBatch] = await embeddings.embedDocuments([
      'Something entirely different about the Moon.',
      passage,
      'And a third text.',
    ]);
    expect(inBatch).toEqual(alone);
  });

  it('places a paraphrase closer to its passage than to an unrelated one', async () => {
    const [related, unrelated] = await similarities('How many people do Japanese firms employ in America?', [
      'Japanese companies support over one hundred thousand American jobs.',
      'The navy held a joint exercise with its allies in the spring.',
    ]);
    expect(related).toBeGreaterThan(unrelated ?? 1);
  });

  it('matches a misspelt name to the passage that spells it correctly', async () => {
    const [rightName, otherName] = await similarities('Toyata factories', [
      'Toyota opened new factories in the South.',
      'Honda opened new factories in the South.',
    ]);
    expect(rightName).toBeGreaterThan(otherName ?? 1);
  });

  it('matches British spellings to American ones', async () => {
    const [match, other] = await similarities('denuclearisation', [
      'Talks on denuclearization continued.',
      'Talks on trade continued.',
    ]);
    expect(match).toBeGreaterThan(other ?? 1);
  });

  it('matches a rare word it has no vector for by its spelling', async () => {
    const [match, other] = await similarities('What does Reiwa mean?', [
      'The new era of Reiwa began.',
      'The new era of peace began.',
    ]);
    expect(match).toBeGreaterThan(other ?? 1);
  });

  it('embeds empty, whitespace, punctuation-only and stopword-only text to a finite unit vector', async () => {
    const vectors = await embeddings.embedDocuments(['', '   ', '?!…', 'what is it and how does it']);
    vectors.push(await embeddings.embedQuery(''));
    for (const vector of vectors) {
      expect(vector.every(Number.isFinite)).toBe(true);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    const [passage] = await embeddings.embedDocuments(['Japan and the United States']);
    expect(Number.isFinite(cosineSimilarity(vectors[0] ?? [], passage ?? []))).toBe(true);
  });

  it('copes with very long text and unusual characters', async () => {
    const long = 'alliance trade security '.repeat(5_000);
    const [vector] = await embeddings.embedDocuments([long, '日本とアメリカ 🇯🇵🇺🇸 \u0000 \uFFFF']);
    expect(vector?.every(Number.isFinite)).toBe(true);
    expect(norm(vector ?? [])).toBeCloseTo(1, 5);
  });

  describe('describe()', () => {
    it('identifies the embedder, its dimensions, every parameter and the word table it depends on', () => {
      const identity = embeddings.describe();
      expect(identity.id).toMatch(/^kizuna-offline@\d+$/);
      expect(identity.dimensions).toBe(embeddings.dimensions);
      expect(identity.fittedStateHash).toBe(defaultWordVectorTable().sha256);
      for (const [name, value] of Object.entries(OFFLINE_EMBEDDINGS_DEFAULTS))
        expect(identity.params[name], name).toBe(value);
      expect(identity.params).toHaveProperty('textPipeline');
    });

    it('changes when any parameter changes, and not otherwise', () => {
      const base = JSON.stringify(new OfflineEmbeddings().describe());
      expect(JSON.stringify(new OfflineEmbeddings({}).describe())).toBe(base);
      const changes = [
        { hashedDimensions: 256 },
        { hashedShare: 0.5 },
        { minNgram: 2 },
        { maxNgram: 4 },
        { ngramWeight: 1 },
        { priorSmoothing: 30 },
        { sifA: 0.001 },
        { correctionWeight: 0.5 },
        { minCorrectionLength: 4 },
        { hashSeed: 1 },
      ];
      for (const change of changes)
        expect(JSON.stringify(new OfflineEmbeddings(change).describe()), JSON.stringify(change)).not.toBe(
          base,
        );
    });

    it('reports the new dimensions when the hashed block is resized', async () => {
      const smaller = new OfflineEmbeddings({ hashedDimensions: 128 });
      expect(smaller.describe().dimensions).toBe(128 + defaultWordVectorTable().dimensions);
      expect(await smaller.embedQuery('trade')).toHaveLength(smaller.dimensions);
    });
  });

  it('refuses nonsensical options', () => {
    expect(() => new OfflineEmbeddings({ hashedShare: 1.5 })).toThrow(RangeError);
    expect(() => new OfflineEmbeddings({ hashedDimensions: 0 })).toThrow(RangeError);
    expect(() => new OfflineEmbeddings({ minNgram: 4, maxNgram: 3 })).toThrow(RangeError);
    expect(() => new OfflineEmbeddings({ sifA: 0 })).toThrow(RangeError);
  });
});

describe('OfflineEmbeddings.warmUp', () => {
  it('prepares ahead of the first question without changing any vector', async () => {
    const warmed = new OfflineEmbeddings();
    warmed.warmUp();
    const question = 'Did denuclearizing talks continue?';
    expect(await warmed.embedQuery(question)).toEqual(await new OfflineEmbeddings().embedQuery(question));
  });
});

describe('OfflineEmbeddings.embedDocuments on a large batch', () => {
  it('returns one vector per document, in order, while yielding to the event loop between chunks', async () => {
    const documents = Array.from({ length: 1_000 }, (_, index) => `passage number ${index} about trade`);
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const vectors = await embeddings.embedDocuments(documents);
    // Had the batch run in one go, the awaiting code would resume (a microtask) before any immediate.
    expect(otherWorkRan).toBe(true);
    expect(vectors).toHaveLength(documents.length);
    expect(vectors[737]).toEqual((await embeddings.embedDocuments([documents[737] ?? '']))[0]);
  });
});
