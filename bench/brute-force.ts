import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { HierarchicalNSW } from 'hnswlib-node';

/**
 * What the bench compares against as "a user might pick instead". @langchain/core 1.4 ships no in-memory vector
 * store, so it is LangChain's `MemoryVectorStore` from @langchain/classic (installed with @langchain/community).
 */
export const BRUTE_FORCE_STORE_NAME =
  'MemoryVectorStore (@langchain/classic; @langchain/core 1.4 has no in-memory store)';

/** A brute-force store that searches exactly what hnswlib searches. */
export interface BruteForceSearch {
  /** The k nearest vectors' labels (HNSW graph positions) and cosine similarities, nearest first: the exact answer. */
  readonly search: (vector: number[], k: number) => Promise<Array<{ label: number; similarity: number }>>;
}

/**
 * Fills a `MemoryVectorStore` with the very vectors the HNSW graph holds (read back label by label), so that
 * the comparison differs only in how the search is done. Nothing is embedded.
 * @param embeddings required by the store's constructor; never called.
 */
export async function createBruteForceSearch(
  graph: HierarchicalNSW,
  embeddings: EmbeddingsInterface,
): Promise<BruteForceSearch> {
  const count = graph.getCurrentCount();
  const vectors: number[][] = new Array<number[]>(count);
  const documents: Document[] = new Array<Document>(count);
  for (let label = 0; label < count; label += 1) {
    vectors[label] = graph.getPoint(label);
    documents[label] = new Document({ pageContent: String(label), metadata: {} });
  }
  const store = new MemoryVectorStore(embeddings);
  await store.addVectors(vectors, documents);
  return {
    search: async (vector, k) =>
      (await store.similaritySearchVectorWithScore(vector, k)).map(([document, similarity]) => ({
        label: Number(document.pageContent),
        similarity,
      })),
  };
}
