import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { HierarchicalNSW } from 'hnswlib-node';

import type { DescribedEmbeddings, EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { KizunaError } from '../errors.js';
import type { Passage } from '../types.js';
import { AppendOnlyDocstore } from './append-only-docstore.js';
import {
  createTemporaryGeneration,
  discardTemporaryGeneration,
  publishGeneration,
  readCurrentGeneration,
} from './generation-store.js';
import { resolveHnswParameters, type HnswParameters } from './hnsw-parameters.js';
import { assertEmbedderVectors, assertStoreHoldsPassages } from './index-integrity.js';
import {
  describeManifestMismatch,
  manifestEmbedder,
  manifestIdentity,
  type IndexManifestIdentity,
} from './index-manifest.js';
import { installedLibraryVersions } from './library-versions.js';
import { fingerprintPassages, textKey } from './passage-hashes.js';
import { decodePassages } from './passages-file.js';
import { PresizedHierarchicalNSW } from './presized-hierarchical-nsw.js';
import {
  INDEX_FILES,
  readGenerationManifest,
  readReusableVectorCache,
  verifyGenerationFiles,
  writeGenerationFiles,
} from './saved-index-files.js';
import { SavedIndexUnusableError } from './saved-index-unusable-error.js';
import { VectorCache } from './vector-cache.js';

export { SavedIndexUnusableError };

/** One search result. */
export interface PassageHit {
  readonly passage: Passage;
  /** Cosine similarity to the query, 1 = same direction; results come best first. */
  readonly score: number;
}

export interface BuildPassageIndexOptions {
  /**
   * Vectors from an earlier index (`await previous.vectorCache()`, or read from disk). Passages whose text has
   * a vector here are not embedded again; a cache made by a different embedder is ignored.
   */
  readonly vectorCache?: VectorCache;
  /** Called with (passages indexed so far, total) at the start and after every batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** HNSW construction and search parameters; see {@link HnswParameters} for defaults. */
  readonly hnsw?: Partial<HnswParameters>;
  /**
   * Passages per embedder call (and per progress step).
   * @default 256
   */
  readonly batchSize?: number;
  /**
   * The knowledge files' fingerprint, recorded in the manifest so a saved index is only reused for them.
   * @default "" (the passages' own fingerprint is always recorded too)
   */
  readonly knowledgeFingerprint?: string;
}

export interface LoadPassageIndexOptions {
  /** Replaces the default search breadth (`efSearch` is not stored with the graph). */
  readonly efSearch?: number;
  /** Refuse the saved index unless its manifest matches this (everything except file digests and dates). */
  readonly expect?: IndexManifestIdentity;
}

/** How a build obtained its vectors. */
export interface BuildCounts {
  /** Texts sent to the embedder (a text that occurs twice is embedded once). */
  readonly embedded: number;
  /** Passages whose vector came from the supplied vector cache. */
  readonly reused: number;
}

const DEFAULT_BATCH_SIZE = 256;
/**
 * A generation can be deleted by another process's publish while we read it; then CURRENT is read again,
 * for up to this long (publishes are rare, so in practice one retry suffices).
 */
const LOAD_RETRY_MS = 10_000;

interface PassageIndexParts {
  readonly store: HNSWLib;
  readonly passages: readonly Passage[];
  readonly embeddings: DescribedEmbeddings;
  readonly identity: EmbedderIdentity;
  readonly hnsw: HnswParameters;
  readonly knowledgeFingerprint: string;
  readonly passagesSha256: string;
  readonly vectorCache: VectorCache | (() => Promise<VectorCache>);
  readonly counts: BuildCounts;
}

/**
 * The passages of the knowledge base in an HNSWLib vector store (cosine space), searchable by text or vector,
 * savable as an atomic generation and reloadable without embedding anything.
 * Label i in the HNSW graph is `passages[i]`, so a search maps results to passages with an array lookup.
 */
export class PassageIndex {
  /** The passages, in label order. */
  readonly passages: readonly Passage[];
  /** The embedder that made the vectors. */
  readonly identity: EmbedderIdentity;
  /** The LangChain vector store (its docstore holds each label's passage id as `pageContent`). */
  readonly store: HNSWLib;
  readonly hnswParameters: HnswParameters;
  readonly knowledgeFingerprint: string;
  /** What the build that made this index embedded and reused ({0, 0} for a loaded index). */
  readonly counts: BuildCounts;

  private readonly embeddings: DescribedEmbeddings;
  private readonly graph: HierarchicalNSW;
  private readonly passagesSha256: string;
  private cacheSource: VectorCache | (() => Promise<VectorCache>);
  private labelById: Map<string, number> | undefined;

  private constructor(parts: PassageIndexParts) {
    this.store = parts.store;
    this.passages = parts.passages;
    this.embeddings = parts.embeddings;
    this.identity = parts.identity;
    this.hnswParameters = parts.hnsw;
    this.knowledgeFingerprint = parts.knowledgeFingerprint;
    this.passagesSha256 = parts.passagesSha256;
    this.cacheSource = parts.vectorCache;
    this.counts = parts.counts;
    this.graph = parts.store.index;
    this.graph.setEf(parts.hnsw.efSearch);
  }

  /**
   * Embeds the passages (reusing cached vectors for unchanged texts) and adds them to a new HNSWLib store.
   * @throws KizunaError KNOWLEDGE_INVALID for an empty passage list: an index with nothing in it could only
   *   ever answer "not covered", which is a broken knowledge folder, not a state to serve.
   */
  static async build(
    passages: readonly Passage[],
    embeddings: DescribedEmbeddings,
    options: BuildPassageIndexOptions = {},
  ): Promise<PassageIndex> {
    if (passages.length === 0) {
      throw new KizunaError(
        'KNOWLEDGE_INVALID',
        'Cannot build a passage index: the knowledge base has no passages.',
      );
    }
    const identity = embeddings.describe();
    const dimensions = identity.dimensions;
    const hnsw = resolveHnswParameters(options.hnsw);
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
    const previous = options.vectorCache?.isFor(identity) ? options.vectorCache : undefined;
    const total = passages.length;

    const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions });
    store._index = new PresizedHierarchicalNSW(dimensions, {
      capacity: total,
      m: hnsw.m,
      efConstruction: hnsw.efConstruction,
      randomSeed: hnsw.randomSeed,
    });
    store.docstore = new AppendOnlyDocstore();

    const cache = VectorCache.empty(identity, total);
    const reusedKeys = new Set<string>();
    let embedded = 0;
    let reused = 0;
    options.onProgress?.(0, total);
    for (let start = 0; start < total; start += batchSize) {
      const batch = passages.slice(start, start + batchSize);
      const keys = batch.map((passage) => textKey(passage.text));
      const pending = new Map<string, string>();
      keys.forEach((key, i) => {
        if (cache.has(key) || pending.has(key)) return;
        const known = previous?.get(key);
        if (known === undefined) {
          pending.set(key, batch[i]!.text);
        } else {
          cache.set(key, known);
          reusedKeys.add(key);
        }
      });
      const fresh = new Map<string, number[]>();
      if (pending.size > 0) {
        const vectors = await embeddings.embedDocuments([...pending.values()]);
        assertEmbedderVectors(vectors, pending.size, identity);
        [...pending.keys()].forEach((key, i) => {
          cache.set(key, vectors[i]!);
          fresh.set(key, vectors[i]!);
        });
        embedded += pending.size;
      }
      // hnswlib stores float32 (it casts each number), so the embedder's own array and a float32 copy from the
      // cache insert the very same point: a build from cache and a fresh build make the same graph.
      const vectors = keys.map((key) => fresh.get(key) ?? Array.from(cache.get(key)!));
      for (const key of keys) if (reusedKeys.has(key)) reused += 1;
      await store.addVectors(
        vectors,
        batch.map((passage) => new Document({ pageContent: passage.id, metadata: {} })),
      );
      options.onProgress?.(start + batch.length, total);
      // Inserting is synchronous native work; give the event loop (heartbeats, interactions) a turn per batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (store.index.getCurrentCount() !== total) {
      throw new Error(`HNSW graph holds ${store.index.getCurrentCount()} vectors after adding ${total}`);
    }
    return new PassageIndex({
      store,
      passages: [...passages],
      embeddings,
      identity,
      hnsw,
      knowledgeFingerprint: options.knowledgeFingerprint ?? '',
      passagesSha256: fingerprintPassages(passages),
      vectorCache: cache,
      counts: { embedded, reused },
    });
  }

  /**
   * Loads the live generation saved in `dir`. Pass the current `passages` to skip reading the stored copy
   * (they must be exactly the indexed ones).
   * @throws SavedIndexUnusableError with a short reason when there is no usable index (never for damage
   *   that could crash the process: every file is size- and checksum-verified before it is parsed).
   */
  static async load(
    dir: string,
    embeddings: DescribedEmbeddings,
    passages?: readonly Passage[],
    options: LoadPassageIndexOptions = {},
  ): Promise<PassageIndex> {
    const retryUntil = Date.now() + LOAD_RETRY_MS;
    for (;;) {
      const current = await readCurrentGeneration(dir);
      if (current.kind === 'none') throw new SavedIndexUnusableError('no saved index');
      if (current.kind === 'invalid')
        throw new SavedIndexUnusableError(`index files unreadable: ${current.problem}`);
      try {
        return await PassageIndex.loadGeneration(dir, current.path, embeddings, passages, options);
      } catch (error) {
        const unusable =
          error instanceof SavedIndexUnusableError
            ? error
            : new SavedIndexUnusableError(
                `index files unreadable: ${(error as Error).message}`,
                current.path,
                {
                  cause: error,
                },
              );
        // Whatever went wrong may be a concurrent publish deleting this generation mid-read: if CURRENT has
        // moved on, read the new one instead.
        if (Date.now() < retryUntil) {
          const now = await readCurrentGeneration(dir);
          if (now.kind === 'generation' && now.name !== current.name) continue;
        }
        throw unusable;
      }
    }
  }

  private static async loadGeneration(
    dir: string,
    folder: string,
    embeddings: DescribedEmbeddings,
    suppliedPassages: readonly Passage[] | undefined,
    options: LoadPassageIndexOptions,
  ): Promise<PassageIndex> {
    const manifest = await readGenerationManifest(folder);
    const identity = embeddings.describe();
    const passagesSha256 = suppliedPassages === undefined ? undefined : fingerprintPassages(suppliedPassages);
    // Without an explicit expectation, anything saved by a compatible embedder and library set will do.
    const expected = options.expect ?? {
      ...manifest,
      embedder: manifestEmbedder(identity),
      libraries: installedLibraryVersions(),
    };
    const mismatch = describeManifestMismatch(manifest, expected);
    if (mismatch !== undefined) throw new SavedIndexUnusableError(mismatch, folder);
    if (passagesSha256 !== undefined && passagesSha256 !== manifest.knowledge.passagesSha256) {
      throw new SavedIndexUnusableError('knowledge changed', folder);
    }

    const readsPassages = suppliedPassages === undefined;
    await verifyGenerationFiles(folder, manifest, [
      INDEX_FILES.hnswIndex,
      INDEX_FILES.hnswArgs,
      INDEX_FILES.docstore,
      ...(readsPassages ? [INDEX_FILES.passages] : []),
    ]);
    const passages =
      suppliedPassages ?? decodePassages(await readFile(join(folder, INDEX_FILES.passages), 'utf8'));
    if (readsPassages && fingerprintPassages(passages) !== manifest.knowledge.passagesSha256) {
      throw new Error(`${INDEX_FILES.passages} does not match the manifest`);
    }
    const store = await HNSWLib.load(folder, embeddings);
    assertStoreHoldsPassages(store, passages, identity.dimensions);

    const { m, efConstruction, randomSeed } = manifest.hnsw;
    const hnsw = resolveHnswParameters({ m, efConstruction, randomSeed, efSearch: options.efSearch });
    return new PassageIndex({
      store,
      passages: [...passages],
      embeddings,
      identity,
      hnsw,
      knowledgeFingerprint: manifest.knowledge.fingerprint,
      passagesSha256: manifest.knowledge.passagesSha256,
      // Read lazily: only a later rebuild needs the vectors, and they are as large as the graph.
      vectorCache: () => readReusableVectorCache(dir, folder, identity),
      counts: { embedded: 0, reused: 0 },
    });
  }

  get size(): number {
    return this.passages.length;
  }

  get dimensions(): number {
    return this.identity.dimensions;
  }

  /** The hnswlib graph behind the store, with `efSearch` applied (for benchmarks against raw `searchKnn`). */
  get rawIndex(): HierarchicalNSW {
    return this.graph;
  }

  /**
   * The `k` passages closest to `vector` (k is capped at the index size; k ≤ 0 gives []), optionally only
   * those `filter` accepts.
   * Synchronous and allocation-light: one native search plus one small object per hit.
   */
  searchByVector(vector: readonly number[], k: number, filter?: (passage: Passage) => boolean): PassageHit[] {
    if (vector.length !== this.identity.dimensions) {
      throw new RangeError(
        `query vector has ${vector.length} dimensions, the index holds ${this.identity.dimensions}`,
      );
    }
    const count = Math.min(Math.floor(k), this.passages.length);
    if (!(count > 0)) return [];
    // HNSWLib's own similaritySearchVectorWithScore is async and resolves labels through string-keyed docstore
    // lookups; labels are our array positions, so the raw graph answers directly.
    // A filter runs inside the graph search, so "only the 2019 sheet" still finds k of its passages at scale.
    const { neighbors, distances } =
      filter === undefined
        ? this.graph.searchKnn(vector as number[], count)
        : this.graph.searchKnn(vector as number[], count, (label: number) => filter(this.passages[label]!));
    const hits = new Array<PassageHit>(neighbors.length);
    for (let i = 0; i < neighbors.length; i += 1) {
      hits[i] = { passage: this.passages[neighbors[i]!]!, score: 1 - distances[i]! };
    }
    return hits;
  }

  /**
   * Cosine similarity of `vector` to each of these passages (NaN for one the index does not hold), for
   * candidates found another way (the lexical channel) that the graph search did not return.
   */
  similarityTo(vector: readonly number[], passages: readonly Passage[]): number[] {
    this.labelById ??= new Map(this.passages.map((passage, label) => [passage.id, label]));
    let queryNorm = 0;
    for (const value of vector) queryNorm += value * value;
    queryNorm = Math.sqrt(queryNorm) || 1;
    return passages.map((passage) => {
      const label = this.labelById?.get(passage.id);
      if (label === undefined) return Number.NaN;
      const point = this.graph.getPoint(label);
      let dot = 0;
      let norm = 0;
      for (let i = 0; i < point.length; i += 1) {
        dot += point[i]! * vector[i]!;
        norm += point[i]! * point[i]!;
      }
      return dot / (queryNorm * (Math.sqrt(norm) || 1));
    });
  }

  /** Embeds `query` and returns the `k` closest passages. */
  async search(query: string, k: number): Promise<PassageHit[]> {
    return this.searchByVector(await this.embeddings.embedQuery(query), k);
  }

  /** The vectors of this index's passages keyed by text hash, to pass to the next {@link PassageIndex.build}. */
  async vectorCache(): Promise<VectorCache> {
    if (typeof this.cacheSource === 'function') this.cacheSource = await this.cacheSource();
    return this.cacheSource;
  }

  /** What the manifest of this index says about it (for comparing with what is wanted now). */
  manifestIdentity(): IndexManifestIdentity {
    return manifestIdentity({
      knowledgeFingerprint: this.knowledgeFingerprint,
      passagesSha256: this.passagesSha256,
      passageCount: this.passages.length,
      embedder: this.identity,
      libraries: installedLibraryVersions(),
      hnsw: this.hnswParameters,
    });
  }

  /**
   * Saves this index as a new generation of `dir` and makes it the live one, atomically: readers see either
   * the previous generation or this one, never a mixture.
   * @returns the folder of the new generation.
   */
  async save(dir: string): Promise<string> {
    const temporary = await createTemporaryGeneration(dir);
    try {
      await writeGenerationFiles(temporary, {
        store: this.store,
        passages: this.passages,
        vectorCache: await this.vectorCache(),
        identity: this.manifestIdentity(),
      });
      return await publishGeneration(dir, temporary);
    } catch (error) {
      await discardTemporaryGeneration(temporary);
      throw error;
    }
  }
}
