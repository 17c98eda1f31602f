import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { sameEmbedder } from './index-manifest.js';

/**
 * Rows of a {@link VectorCache.spilled} cache: float32 vectors back to back in an anonymous temporary file
 * (unlinked as soon as it is open where the platform allows, so it cannot outlive the process).
 */
interface SpillFile {
  /** What closing needs, apart from the object caches and views share, so it can be closed once they are gone. */
  readonly handle: SpillHandle;
}

interface SpillHandle {
  fd: number;
  /** Still on disk (the platform refused to unlink an open file): removed by {@link VectorCache.release}. */
  readonly path: string | undefined;
}

/**
 * Closes the file of a spilled cache nobody released (a build whose index was never saved), once neither the cache
 * nor a layered view of it is reachable.
 */
const unreleasedSpills = new FinalizationRegistry<SpillHandle>((handle) => closeSpill(handle));

/** Bytes read at a time when a spilled cache's rows are streamed out. */
const SPILL_CHUNK_BYTES = 1 << 20;

/**
 * Passage vectors keyed by {@link textKey} (sha256 of the text), all made by one embedder, so an unchanged
 * passage is never embedded twice. Vectors live in one contiguous Float32Array (4 bytes per dimension,
 * no per-vector objects) that is written to disk as is, or, for a {@link VectorCache.spilled} cache, in a
 * temporary file (a full build's vectors are as large as the HNSW graph, and only a save or a later rebuild reads
 * them).
 */
export class VectorCache {
  private rowByKey = new Map<string, number>();
  private keyByRow: string[] = [];
  private data: Float32Array;
  private spill: SpillFile | undefined;
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

  /**
   * An empty cache whose rows are written to a temporary file in `directory` instead of memory: `set` writes
   * 4 bytes per dimension to the file, `get` reads them back (a copy). Call {@link VectorCache.release} when done
   * (the file is also gone when the process ends, where the platform lets an open file be unlinked).
   * @param directory @default the OS temporary folder
   */
  static spilled(identity: EmbedderIdentity, directory: string = tmpdir()): VectorCache {
    const cache = new VectorCache(identity, 0);
    const path = join(directory, `kizuna-vectors-${process.pid}-${randomUUID()}.tmp`);
    const fd = openSync(path, 'w+', 0o600);
    let kept: string | undefined;
    try {
      unlinkSync(path);
    } catch {
      kept = path;
    }
    const spill: SpillFile = { handle: { fd, path: kept } };
    cache.spill = spill;
    // Caches and their layered views share `spill`: it is unreachable only once all of them are.
    unreleasedSpills.register(spill, spill.handle, spill);
    return cache;
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
    view.spill = top.spill;
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

  /** True when the rows live in a temporary file (see {@link VectorCache.spilled}). */
  get isSpilled(): boolean {
    return this.spill !== undefined;
  }

  /** A read-only view of the stored vector (do not modify it; a spilled cache returns a copy), or undefined. */
  get(key: string): Float32Array | undefined {
    const row = this.rowByKey.get(key);
    if (row === undefined) return this.fallback?.get(key);
    if (this.spill !== undefined) {
      const vector = new Float32Array(this.dimensions);
      this.readSpilled(row, vector);
      return vector;
    }
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
      if (this.spill === undefined) this.ensureCapacity(row + 1);
      this.rowByKey.set(key, row);
      this.keyByRow.push(key);
    }
    if (this.spill !== undefined) {
      const bytes = Buffer.from(Float32Array.from(vector).buffer);
      writeAll(this.spill, bytes, row * this.dimensions * 4);
    } else this.data.set(vector, row * this.dimensions);
  }

  /** Keys in row order, and the rows' vectors back to back (the storage layout). */
  rows(): { readonly keys: readonly string[]; readonly data: Float32Array } {
    if (this.fallback !== undefined) throw new Error('a layered vector cache cannot be stored');
    if (this.spill !== undefined) throw new Error('a spilled vector cache is read with rowChunks()');
    return { keys: this.keyByRow, data: this.data.subarray(0, this.keyByRow.length * this.dimensions) };
  }

  /** Keys in row order. */
  keys(): readonly string[] {
    if (this.fallback !== undefined) throw new Error('a layered vector cache cannot be stored');
    return this.keyByRow;
  }

  /**
   * The rows' vectors back to back as float32 bytes (native byte order), in chunks of at most 1 MB for a spilled
   * cache (streamed from its file) or as one view of memory otherwise.
   */
  *rowChunks(): Generator<Buffer> {
    if (this.fallback !== undefined) throw new Error('a layered vector cache cannot be stored');
    const total = this.keyByRow.length * this.dimensions * 4;
    if (this.spill === undefined) {
      yield Buffer.from(this.data.buffer, this.data.byteOffset, total);
      return;
    }
    for (let offset = 0; offset < total; offset += SPILL_CHUNK_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(SPILL_CHUNK_BYTES, total - offset));
      readAll(this.spill, chunk, offset);
      yield chunk;
    }
  }

  /** Closes and removes a spilled cache's file (it can no longer be read); nothing for an in-memory cache. */
  release(): void {
    if (this.spill === undefined) return;
    unreleasedSpills.unregister(this.spill);
    closeSpill(this.spill.handle);
  }

  private readSpilled(row: number, into: Float32Array): void {
    readAll(
      this.spill!,
      Buffer.from(into.buffer, into.byteOffset, into.byteLength),
      row * this.dimensions * 4,
    );
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

function writeAll({ handle }: SpillFile, bytes: Buffer, position: number): void {
  if (handle.fd < 0) throw new Error('this spilled vector cache has been released');
  for (let done = 0; done < bytes.length;) {
    done += writeSync(handle.fd, bytes, done, bytes.length - done, position + done);
  }
}

function readAll({ handle }: SpillFile, into: Buffer, position: number): void {
  if (handle.fd < 0) throw new Error('this spilled vector cache has been released');
  for (let done = 0; done < into.length;) {
    const read = readSync(handle.fd, into, done, into.length - done, position + done);
    if (read === 0) throw new Error('spilled vector file ended early');
    done += read;
  }
}

function closeSpill(handle: SpillHandle): void {
  if (handle.fd < 0) return;
  closeSync(handle.fd);
  handle.fd = -1;
  if (handle.path !== undefined) rmSync(handle.path, { force: true });
}
