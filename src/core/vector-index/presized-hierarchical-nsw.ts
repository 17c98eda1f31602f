import hnswlib from 'hnswlib-node';

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
