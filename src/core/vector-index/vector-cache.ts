import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { sameEmbedder } from './index-manifest.js';

/**
 * Passage vectors keyed by {@link textKey} (sha256 of the text), all made by one embedder, so an unchanged
 * passage is never embedded twice. Vectors live in one contiguous Float32Array (4 bytes per dimension,
 * no per-vector objects) that is written to disk as is.
 */
export class VectorCache {
  private rowByKey = new Map<string, number>();
  private keyByRow: string[] = [];
  private data: Float32Array;
  /** Looked in after this cache's own rows (see {@link VectorCache.layered}). */
  private fallback: VectorCache | undefined;

  private constructor(
    /** The embedder every vector came from. */
    readonly identity: EmbedderIdentity,
    capacity: number,
  ) {
    this.data = new Float32Array(Math.max(1, capacity) * identity.dimensions);
  }

  /** An empty cache for vectors of `identity`, with room for `capacity` vectors before it grows. */
  static empty(identity: EmbedderIdentity, capacity = 0): VectorCache {
    return new VectorCache(identity, capacity);
  }

  /** Rebuilds a cache from its stored form (see saved-index.ts); `data` is kept, not copied. */
  static fromRows(identity: EmbedderIdentity, keys: readonly string[], data: Float32Array): VectorCache {
    if (data.length !== keys.length * identity.dimensions) {
      throw new RangeError(
        `vector data holds ${data.length} floats, expected ${keys.length} × ${identity.dimensions}`,
      );
    }
    const cache = new VectorCache(identity, 0);
    cache.data = data;
    keys.forEach((key, row) => {
      cache.rowByKey.set(key, row);
      cache.keyByRow.push(key);
    });
    return cache;
  }

  /**
   * A read-only view of `top`'s vectors over `bottom`'s, sharing both (nothing is copied: at 100,000 passages a
   * copy would be 190 MB). For looking vectors up in the next build; it cannot be written as a file.
   */
  static layered(top: VectorCache, bottom: VectorCache): VectorCache {
    const view = VectorCache.fromRows(top.identity, [], new Float32Array(0));
    view.rowByKey = top.rowByKey;
    view.keyByRow = top.keyByRow;
    view.data = top.data;
    view.fallback = bottom.isFor(top.identity) ? bottom : undefined;
    return view;
  }

  /** Vectors held (a key in both layers of a {@link VectorCache.layered} view counts twice). */
  get size(): number {
    return this.keyByRow.length + (this.fallback?.size ?? 0);
  }

  get dimensions(): number {
    return this.identity.dimensions;
  }

  /** True when this cache's vectors are comparable with vectors from `identity` (same id, params, dimensions, state). */
  isFor(identity: EmbedderIdentity): boolean {
    return sameEmbedder(this.identity, identity);
  }

  has(key: string): boolean {
    return this.rowByKey.has(key) || this.fallback?.has(key) === true;
  }

  /** A read-only view of the stored vector (do not modify it), or undefined. */
  get(key: string): Float32Array | undefined {
    const row = this.rowByKey.get(key);
    if (row === undefined) return this.fallback?.get(key);
    const start = row * this.dimensions;
    return this.data.subarray(start, start + this.dimensions);
  }

  /** Stores a copy of `vector` under `key` (replacing any previous one). */
  set(key: string, vector: ArrayLike<number>): void {
    if (this.fallback !== undefined) throw new Error('a layered vector cache is read-only');
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions, this cache holds ${this.dimensions}`);
    }
    let row = this.rowByKey.get(key);
    if (row === undefined) {
      row = this.keyByRow.length;
      this.ensureCapacity(row + 1);
      this.rowByKey.set(key, row);
      this.keyByRow.push(key);
    }
    this.data.set(vector, row * this.dimensions);
  }

  /** Keys in row order, and the rows' vectors back to back (the storage layout). */
  rows(): { readonly keys: readonly string[]; readonly data: Float32Array } {
    if (this.fallback !== undefined) throw new Error('a layered vector cache cannot be stored');
    return { keys: this.keyByRow, data: this.data.subarray(0, this.keyByRow.length * this.dimensions) };
  }

  private ensureCapacity(rows: number): void {
    if (rows * this.dimensions <= this.data.length) return;
    const grown = new Float32Array(
      Math.max(rows, (this.data.length / this.dimensions) * 2) * this.dimensions,
    );
    grown.set(this.data);
    this.data = grown;
  }
}
