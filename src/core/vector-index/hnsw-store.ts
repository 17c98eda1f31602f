import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import type { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';

/** Construction settings a {@link PresizedHierarchicalNSW} applies whenever it is (re)initialised. */
export interface HnswConstruction {
  /** Elements the graph will hold; allocating them up front avoids repeated `resizeIndex` copies. */
  readonly capacity: number;
  readonly m: number;
  readonly efConstruction: number;
  readonly randomSeed: number;
}

/**
 * A cosine-space `HierarchicalNSW` that always initialises with our construction parameters.
 * HNSWLib calls `index.initIndex(vectors.length)` on its first `addVectors`, which would otherwise reset the
 * graph to hnswlib's defaults (M 16, efConstruction 200) sized for the first batch only.
 */
export class PresizedHierarchicalNSW extends hnswlib.HierarchicalNSW {
  constructor(
    dimensions: number,
    private readonly construction: HnswConstruction,
  ) {
    super('cosine', dimensions);
  }

  override initIndex(maxElements: number | { readonly maxElements: number }): void {
    const requested = typeof maxElements === 'number' ? maxElements : maxElements.maxElements;
    const { capacity, m, efConstruction, randomSeed } = this.construction;
    super.initIndex(Math.max(requested, capacity), m, efConstruction, randomSeed);
  }
}

/**
 * HNSWLib's default docstore checks every new key against an array of all existing keys, which makes adding
 * documents in batches quadratic (minutes at 100,000 passages). Our labels are assigned sequentially by
 * HNSWLib itself, so they can never collide and the check is skipped.
 */
export class AppendOnlyDocstore extends SynchronousInMemoryDocstore {
  override add(texts: Record<string, Document>): void {
    for (const key in texts) {
      const document = texts[key];
      if (document !== undefined) this._docs.set(key, document);
    }
  }
}

/**
 * An empty LangChain `HNSWLib` store over a presized cosine graph, handed its index and docstore through its
 * constructor (the documented `HNSWLibArgs`), ready for `addVectors`.
 */
export function createHnswStore(
  embeddings: EmbeddingsInterface,
  dimensions: number,
  construction: HnswConstruction,
): HNSWLib {
  return new HNSWLib(embeddings, {
    space: 'cosine',
    numDimensions: dimensions,
    index: new PresizedHierarchicalNSW(dimensions, construction),
    docstore: new AppendOnlyDocstore(),
  });
}

/** An embedder must return one finite vector of its declared length per text; anything else would corrupt the graph. */
export function assertEmbedderVectors(
  vectors: readonly (readonly number[])[],
  expected: number,
  identity: EmbedderIdentity,
): void {
  if (vectors.length !== expected) {
    throw new Error(`embedder ${identity.id} returned ${vectors.length} vectors for ${expected} texts`);
  }
  for (const vector of vectors) {
    if (vector.length !== identity.dimensions) {
      throw new Error(
        `embedder ${identity.id} returned a ${vector.length}-dimensional vector but describes itself as ${identity.dimensions}-dimensional`,
      );
    }
    // NaN and ±Infinity times 0 is NaN, so one sum checks the whole vector.
    let poisoned = 0;
    for (let i = 0; i < vector.length; i += 1) poisoned += vector[i]! * 0;
    if (Number.isNaN(poisoned))
      throw new Error(`embedder ${identity.id} returned a vector containing NaN or Infinity`);
  }
}
