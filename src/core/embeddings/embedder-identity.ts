import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * What an index must remember about the embedder that built it. HNSWLib's own saved files keep only the
 * space and dimensions, so this goes into the index manifest: a different id, params, dimensions or fitted
 * state means the saved vectors are not comparable and the index is rebuilt.
 */
export interface EmbedderIdentity {
  /** e.g. "kizuna-offline@1", "openai:text-embedding-3-small", "ollama:nomic-embed-text". */
  readonly id: string;
  readonly dimensions: number;
  /** Every parameter that changes the vectors (n-gram sizes, weights, table checksum…). */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  /** Hash of any state learned from data (tables, vocabularies); undefined when there is none. */
  readonly fittedStateHash?: string;
}

/** A LangChain embeddings implementation that can say exactly what it is. */
export interface DescribedEmbeddings extends EmbeddingsInterface {
  describe(): EmbedderIdentity;
}
