import { Embeddings } from '@langchain/core/embeddings';

import type { DescribedEmbeddings, EmbedderIdentity } from './embedder-identity.js';
import { toNumberArray } from './vector-math.js';

/**
 * Which side of a search a text is on. Passages and questions are embedded the same way except that
 * only questions are read for typos (fact sheets are edited text; their rare names are not misspellings).
 */
export type EmbeddingPurpose = 'document' | 'query';

/** Documents embedded between two yields to the event loop (a few milliseconds of work). */
const YIELD_EVERY = 256;

/**
 * Base for embedders computed in-process (no model server, no network): subclasses map one text to a
 * vector synchronously; this class adapts that to LangChain's async `Embeddings` API.
 *
 * Every vector is unit length. A text with no content words (empty, punctuation, only stopwords) gets
 * a fixed unit vector along the first dimension rather than all zeros, so no cosine anywhere divides by
 * zero and the result is never NaN.
 */
export abstract class LocalTextEmbeddings extends Embeddings implements DescribedEmbeddings {
  /** Length of every vector this embedder returns. */
  abstract readonly dimensions: number;

  constructor() {
    super({});
  }

  abstract describe(): EmbedderIdentity;

  /** The unit-length vector of one text. Depends on that text alone (never on other documents). */
  abstract embedText(text: string, purpose: EmbeddingPurpose): Float32Array;

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += YIELD_EVERY) {
      // Embedding is synchronous; between chunks, let the event loop serve other work (a Discord
      // heartbeat, a question) while a large corpus is embedded.
      if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      for (const document of documents.slice(start, start + YIELD_EVERY))
        vectors.push(toNumberArray(this.embedText(document, 'document')));
    }
    return vectors;
  }

  override async embedQuery(document: string): Promise<number[]> {
    return toNumberArray(this.embedText(document, 'query'));
  }
}

/** Makes an all-zero vector the fixed "no content" unit vector (see {@link LocalTextEmbeddings}). */
export function markEmptyVector(vector: Float32Array): Float32Array {
  vector.fill(0);
  vector[0] = 1;
  return vector;
}
