import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { sameEmbedder } from './index-manifest.js';

/**
 * Passage vectors keyed by {@link textKey} (sha256 of the text), all made by one embedder, so an unchanged
 * passage is never embedded twice. Vectors live in one contiguous Float32Array (4 bytes per dimension,
 * no per-vector objects) that is written to disk as is.
 */
export class VectorCache {
  private readonly rowByKey = new Map<string, number>();
  private readonly keyByRow: string[] = [];
  private data: Float32Array;

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

  /** Rebuilds a cache from its stored form (see vector-cache-file.ts); `data` is kept, not copied. */
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

  get size(): number {
    return this.keyByRow.length;
  }

  get dimensions(): number {
    return this.identity.dimensions;
  }

  /** True when this cache's vectors are comparable with vectors from `identity` (same id, params, dimensions, state). */
  isFor(identity: EmbedderIdentity): boolean {
    return sameEmbedder(this.identity, identity);
  }

  has(key: string): boolean {
    return this.rowByKey.has(key);
  }

  /** A read-only view of the stored vector (do not modify it), or undefined. */
  get(key: string): Float32Array | undefined {
    const row = this.rowByKey.get(key);
    if (row === undefined) return undefined;
    const start = row * this.dimensions;
    return this.data.subarray(start, start + this.dimensions);
  }

  /** Stores a copy of `vector` under `key` (replacing any previous one). */
  set(key: string, vector: ArrayLike<number>): void {
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
