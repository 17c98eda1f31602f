import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Passage } from '../types.js';
import { INDEX_FILES } from './saved-index-files.js';

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

/** A loaded graph and docstore must hold exactly `passages`, in label order, at the expected dimensionality. */
export function assertStoreHoldsPassages(
  store: HNSWLib,
  passages: readonly Passage[],
  dimensions: number,
): void {
  const graph = store.index;
  if (graph.getNumDimensions() !== dimensions) {
    throw new Error(
      `${INDEX_FILES.hnswIndex} holds ${graph.getNumDimensions()}-dimensional vectors, expected ${dimensions}`,
    );
  }
  const documents = store.docstore._docs;
  if (graph.getCurrentCount() !== passages.length || documents.size !== passages.length) {
    throw new Error(
      `${INDEX_FILES.hnswIndex} holds ${graph.getCurrentCount()} vectors and ${INDEX_FILES.docstore} ${documents.size} documents for ${passages.length} passages`,
    );
  }
  passages.forEach((passage, label) => {
    if (documents.get(String(label))?.pageContent !== passage.id) {
      throw new Error(`${INDEX_FILES.docstore} label ${label} is not passage ${passage.id}`);
    }
  });
}
