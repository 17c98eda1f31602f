import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { HierarchicalNSW } from 'hnswlib-node';

import type { DescribedEmbeddings, EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { dotProduct, vectorNorm } from '../embeddings/vector-math.js';
import { KizunaError } from '../errors.js';
import type { Passage } from '../types.js';
import { resolveHnswParameters, type HnswParameters } from './hnsw-parameters.js';
import {
  assertEmbedderVectors,
  createHnswStore,
  loadHnswStore,
  saveHnswStore,
  type LoadedHnswStore,
} from './hnsw-store.js';
import {
  describeManifestMismatch,
  manifestEmbedder,
  sameEmbedder,
  manifestIdentity,
  type IndexManifest,
  type IndexManifestIdentity,
} from './index-manifest.js';
import { installedLibraryVersions } from './library-versions.js';
import { fingerprintPassages, textKey } from './passage-hashes.js';
import {
  createTemporaryGeneration,
  decodePassages,
  decodeSlots,
  digestFile,
  discardTemporaryGeneration,
  encodeSlots,
  INDEX_FILES,
  linkGenerationFiles,
  MAIN_GRAPH_FILES,
  passagesFileParts,
  publishGeneration,
  readCurrentGeneration,
  readGenerationManifest,
  readGenerationVectorCache,
  readReusableVectorCache,
  rememberPassagesLayout,
  SavedIndexUnusableError,
  vectorCacheParts,
  verifyGenerationFiles,
  writeDigestedFile,
  type FileDigest,
} from './saved-index.js';
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
  /**
   * A folder for a temporary file that holds the build's vectors instead of memory until the index is saved (then
   * they are read back from the saved `vectors.bin` when a rebuild needs them). At 100,000 passages they are
   * 194 MB (484 float32 per passage), as much as the HNSW graph itself, and only a save reads them: kept in memory
   * they were a third of a full build's peak RSS. Without it they stay in memory.
   */
  readonly spillDirectory?: string;
}

export interface UpdatePassageIndexOptions {
  /** @default "" */
  readonly knowledgeFingerprint?: string;
  /** {@link fingerprintPassages} of `passages`, when the caller has it already (a second pass costs ~0.3 s at 100,000). */
  readonly passagesSha256?: string;
  /**
   * Largest delta (passages outside the main graph plus main-graph passages removed), as a share of the main
   * graph, that an update accepts; beyond it {@link PassageIndex.update} declines and a full build merges
   * everything into one graph again. Searches pay for the delta (a second, small graph search) and for removed
   * passages (skipped results), so it is kept small.
   * @default 0.05
   */
  readonly maxDeltaShare?: number;
  /**
   * A delta of up to this many passages is always accepted, whatever the share (small knowledge bases).
   * @default 256
   */
  readonly minDeltaLimit?: number;
}

export interface LoadPassageIndexOptions {
  /** Replaces the default search breadth (`efSearch` is not stored with the graph). */
  readonly efSearch?: number;
  /** Replaces the default breadth of filtered searches (see {@link HnswParameters.filteredEfSearch}). */
  readonly filteredEfSearch?: number;
  /**
   * Refuse the saved index unless its manifest matches this (everything except files, layers and dates). With
   * supplied passages, its `knowledge.passagesSha256` must be theirs (it is trusted instead of hashing them again).
   */
  readonly expect?: IndexManifestIdentity;
}

/** How a build or update obtained its vectors. */
export interface BuildCounts {
  /** Texts sent to the embedder (a text that occurs twice is embedded once). */
  readonly embedded: number;
  /** Passages whose vector came from the supplied vector cache or the previous index. */
  readonly reused: number;
}

const DEFAULT_BATCH_SIZE = 256;
const DEFAULT_MAX_DELTA_SHARE = 0.05;
const DEFAULT_MIN_DELTA_LIMIT = 256;
/**
 * With up to this many removed labels in a graph, an unfiltered search asks hnswlib for k + removed results and
 * drops the removed ones: exact, and cheaper than a JavaScript filter callback on every node the search visits.
 */
const POST_FILTER_LIMIT = 64;
/** Stored vectors {@link PassageIndex.similarityTo} keeps at hand: 4,096 × 484 float32 ≈ 8 MB. */
const POINT_CACHE_SIZE = 4_096;
/**
 * A generation can be deleted by another process's publish while we read it; then CURRENT is read again,
 * for up to this long (publishes are rare, so in practice one retry suffices).
 */
const LOAD_RETRY_MS = 10_000;

/**
 * The main HNSW graph, built once and never modified afterwards, so successive knowledge versions share it
 * (one copy in memory whatever the number of versions alive) and successive generations hard-link its files.
 */
interface MainGraph {
  readonly store: HNSWLib;
  readonly graph: HierarchicalNSW;
  /** The passage id each label was built from (the docstore's `pageContent`). */
  readonly idByLabel: readonly string[];
  /** The graph's vectors by text key: in memory after a build, read from disk on demand once saved or loaded. */
  vectors: VectorCache | (() => Promise<VectorCache>);
  /** The published generation holding the main graph's files, and their digests, once saved or loaded. */
  saved?: { readonly folder: string; readonly files: Readonly<Record<string, FileDigest>> };
}

/** The small graph of passages added since the main graph was built (rebuilt by every update). */
interface DeltaGraph {
  readonly store: HNSWLib;
  readonly graph: HierarchicalNSW;
  /** Its vectors by text key (small: at most a few percent of the main graph's). */
  readonly vectors: VectorCache;
}

interface PassageIndexParts {
  readonly main: MainGraph;
  readonly delta: DeltaGraph | undefined;
  readonly passages: readonly Passage[];
  /** Per passage: its label in the main graph (≥ 0), or −1 − its label in the delta. */
  readonly slots: Int32Array;
  readonly embeddings: DescribedEmbeddings;
  readonly identity: EmbedderIdentity;
  readonly hnsw: HnswParameters;
  readonly knowledgeFingerprint: string;
  readonly passagesSha256: string;
  readonly counts: BuildCounts;
}

/**
 * The passages of the knowledge base in LangChain `HNSWLib` vector stores (cosine space), searchable by text or
 * vector, savable as an atomic generation and reloadable without embedding anything.
 *
 * One version is a main graph plus, after incremental updates, a small delta graph: a passage lives at a label
 * of one of them (its slot); main-graph labels whose passage was removed or changed are skipped by searches. An
 * update never modifies the main graph, so the version being replaced keeps answering, unchanged, meanwhile.
 */
export class PassageIndex {
  /** The passages, in knowledge order. */
  readonly passages: readonly Passage[];
  /** The embedder that made the vectors. */
  readonly identity: EmbedderIdentity;
  readonly hnswParameters: HnswParameters;
  readonly knowledgeFingerprint: string;
  /** What the build or update that made this index embedded and reused ({0, 0} for a loaded index). */
  readonly counts: BuildCounts;

  private readonly main: MainGraph;
  private readonly delta: DeltaGraph | undefined;
  private readonly slots: Int32Array;
  /** This version's passage at each main-graph label; undefined where it was removed. */
  private readonly mainPassages: (Passage | undefined)[];
  private readonly deltaPassages: Passage[];
  private readonly removedFromMain: number;
  private readonly embeddings: DescribedEmbeddings;
  private readonly passagesSha256: string;
  /** Where each document's passages start in {@link passages} (built on the first {@link similarityTo}). */
  private documentStarts: Map<string, number> | undefined;
  /** Each passage's place in {@link passages} by id, built only if a passage is not where its position says. */
  private placeById: Map<string, number> | undefined;
  private readonly pointCache = new Map<number, { readonly point: Float32Array; readonly norm: number }>();

  private constructor(parts: PassageIndexParts) {
    this.main = parts.main;
    this.delta = parts.delta;
    this.passages = parts.passages;
    this.slots = parts.slots;
    this.embeddings = parts.embeddings;
    this.identity = parts.identity;
    this.hnswParameters = parts.hnsw;
    this.knowledgeFingerprint = parts.knowledgeFingerprint;
    this.passagesSha256 = parts.passagesSha256;
    this.counts = parts.counts;
    const mainCount = this.main.graph.getCurrentCount();
    this.mainPassages = new Array<Passage | undefined>(mainCount).fill(undefined);
    this.deltaPassages = new Array<Passage>(this.delta?.graph.getCurrentCount() ?? 0);
    let inMain = 0;
    parts.passages.forEach((passage, i) => {
      const slot = parts.slots[i]!;
      if (slot >= 0) {
        this.mainPassages[slot] = passage;
        inMain += 1;
      } else this.deltaPassages[-1 - slot] = passage;
    });
    this.removedFromMain = mainCount - inMain;
    // The docstore only maps labels to passage ids, which idByLabel holds: a save that has to write the graph's
    // files writes docstore.json from it (saveHnswStore), instead of the store holding 100,000 documents.
    releaseDocstore(this.main.store);
    // efSearch is a query-time setting; the delta is searched as broadly (it is small, so nearly exhaustively).
    this.main.graph.setEf(parts.hnsw.efSearch);
    this.delta?.graph.setEf(parts.hnsw.efSearch);
  }

  /**
   * Embeds the passages (reusing cached vectors for unchanged texts) and adds them to a new main graph.
   * @throws KizunaError KNOWLEDGE_INVALID for an empty passage list: an index with nothing in it could only
   *   ever answer "not covered", which is a broken knowledge folder, not a state to serve.
   */
  static async build(
    passages: readonly Passage[],
    embeddings: DescribedEmbeddings,
    options: BuildPassageIndexOptions = {},
  ): Promise<PassageIndex> {
    assertSomePassages(passages);
    const identity = embeddings.describe();
    const hnsw = resolveHnswParameters(options.hnsw);
    const previous = options.vectorCache?.isFor(identity) ? options.vectorCache : undefined;
    const built = await buildGraph(passages, embeddings, identity, hnsw, {
      previous,
      batchSize: Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)),
      onProgress: options.onProgress,
      spillDirectory: options.spillDirectory,
    });
    return new PassageIndex({
      main: {
        store: built.store,
        graph: built.store.index,
        idByLabel: passages.map((passage) => passage.id),
        vectors: built.vectors,
      },
      delta: undefined,
      passages: [...passages],
      slots: Int32Array.from(passages, (_, i) => i),
      embeddings,
      identity,
      hnsw,
      knowledgeFingerprint: options.knowledgeFingerprint ?? '',
      passagesSha256: fingerprintPassages(passages),
      counts: built.counts,
    });
  }

  /**
   * The next version of `previous` without rebuilding its main graph: passages still in it keep their labels,
   * passages that are not (new, changed or moved to another document) go into a fresh delta graph (with the
   * previous delta's vectors reused), and main-graph passages no longer present are skipped from now on.
   * Nothing of `previous` is modified, so it keeps answering while this runs.
   * @param embeddings - the embedder of `previous` (same identity), for the new and changed passages.
   * @returns undefined when the delta would exceed {@link UpdatePassageIndexOptions.maxDeltaShare}: then a full
   *   {@link PassageIndex.build} (with `await previous.vectorCache()`) merges everything into one graph.
   * @throws KizunaError KNOWLEDGE_INVALID for an empty passage list.
   */
  static async update(
    previous: PassageIndex,
    passages: readonly Passage[],
    embeddings: DescribedEmbeddings,
    options: UpdatePassageIndexOptions = {},
  ): Promise<PassageIndex | undefined> {
    assertSomePassages(passages);
    if (!sameEmbedder(embeddings.describe(), previous.identity)) {
      throw new Error(
        `cannot update an index of ${previous.identity.id} with vectors of ${embeddings.describe().id}`,
      );
    }
    const main = previous.main;
    const mainCount = main.graph.getCurrentCount();
    // Main-graph labels that still hold a passage of the previous version, by passage id.
    const labelsById = new Map<string, number[]>();
    previous.mainPassages.forEach((passage, label) => {
      if (passage === undefined) return;
      const labels = labelsById.get(passage.id);
      if (labels === undefined) labelsById.set(passage.id, [label]);
      else labels.push(label);
    });
    const slots = new Int32Array(passages.length);
    const outside: Passage[] = [];
    let kept = 0;
    passages.forEach((passage, i) => {
      const labels = labelsById.get(passage.id);
      // Same id, same text: the vector at that label is this passage's (ids hash the text, but only by convention).
      const at = labels?.findIndex((label) => previous.mainPassages[label]!.text === passage.text) ?? -1;
      const label = at === -1 ? undefined : labels!.splice(at, 1)[0];
      if (label === undefined) {
        slots[i] = -1 - outside.length;
        outside.push(passage);
      } else {
        slots[i] = label;
        kept += 1;
      }
    });
    const limit = Math.max(
      options.minDeltaLimit ?? DEFAULT_MIN_DELTA_LIMIT,
      Math.floor(mainCount * (options.maxDeltaShare ?? DEFAULT_MAX_DELTA_SHARE)),
    );
    if (outside.length + (mainCount - kept) > limit) return undefined;

    let delta: DeltaGraph | undefined;
    let counts: BuildCounts = { embedded: 0, reused: kept };
    if (outside.length > 0) {
      // Vectors already at hand: the previous delta's, and the main graph's while they are still in memory.
      const known = [previous.delta?.vectors, main.vectors instanceof VectorCache ? main.vectors : undefined];
      const lookup = known.reduce<VectorCache | undefined>(
        (top, next) => (next === undefined ? top : top === undefined ? next : VectorCache.layered(top, next)),
        undefined,
      );
      const built = await buildGraph(outside, embeddings, previous.identity, previous.hnswParameters, {
        previous: lookup,
        batchSize: DEFAULT_BATCH_SIZE,
      });
      delta = { store: built.store, graph: built.store.index, vectors: built.vectors };
      counts = { embedded: built.counts.embedded, reused: kept + built.counts.reused };
    }
    return new PassageIndex({
      main,
      delta,
      passages: [...passages],
      slots,
      embeddings,
      identity: previous.identity,
      hnsw: previous.hnswParameters,
      knowledgeFingerprint: options.knowledgeFingerprint ?? '',
      passagesSha256: options.passagesSha256 ?? fingerprintPassages(passages),
      counts,
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
    // Without an explicit expectation, anything saved by a compatible embedder and library set will do.
    const expected = options.expect ?? {
      ...manifest,
      embedder: manifestEmbedder(identity),
      libraries: installedLibraryVersions(),
    };
    const mismatch = describeManifestMismatch(manifest, expected);
    if (mismatch !== undefined) throw new SavedIndexUnusableError(mismatch, folder);
    // An expectation already names the supplied passages' fingerprint (openPassageIndex computed it once).
    if (
      suppliedPassages !== undefined &&
      options.expect === undefined &&
      fingerprintPassages(suppliedPassages) !== manifest.knowledge.passagesSha256
    ) {
      throw new SavedIndexUnusableError('knowledge changed', folder);
    }

    const readsPassages = suppliedPassages === undefined;
    const hasDelta = manifest.layers.delta > 0;
    const deltaFolder = join(folder, INDEX_FILES.deltaFolder);
    const graphFiles = [INDEX_FILES.hnswIndex, INDEX_FILES.hnswArgs, INDEX_FILES.docstore];
    await verifyGenerationFiles(folder, manifest, [
      ...graphFiles,
      INDEX_FILES.slots,
      ...(hasDelta ? graphFiles.map((name) => `${INDEX_FILES.deltaFolder}/${name}`) : []),
      ...(readsPassages ? [INDEX_FILES.passages] : []),
      INDEX_FILES.passagesLayout,
    ]);
    const passages =
      suppliedPassages ?? decodePassages(await readFile(join(folder, INDEX_FILES.passages), 'utf8'));
    if (readsPassages && fingerprintPassages(passages) !== manifest.knowledge.passagesSha256) {
      throw new Error(`${INDEX_FILES.passages} does not match the manifest`);
    }
    const slots = decodeSlots(await readFile(join(folder, INDEX_FILES.slots)), passages.length);
    const passagesDigest = manifest.files[INDEX_FILES.passages];
    if (passagesDigest !== undefined && manifest.files[INDEX_FILES.passagesLayout] !== undefined) {
      rememberPassagesLayout(
        passages,
        join(folder, INDEX_FILES.passages),
        passagesDigest,
        await readFile(join(folder, INDEX_FILES.passagesLayout), 'utf8'),
      );
    }
    const loadedMain = await loadHnswStore(folder, embeddings);
    const mainStore = loadedMain.store;
    const mainIds = graphIds(loadedMain, manifest.layers.main, identity.dimensions, INDEX_FILES.hnswIndex);
    let delta: DeltaGraph | undefined;
    let deltaIds: readonly string[] = [];
    if (hasDelta) {
      // The delta keeps its docstore: it is small, and a save writes it as it is.
      const store = await HNSWLib.load(deltaFolder, embeddings);
      deltaIds = graphIds(
        docstoreOf(store),
        manifest.layers.delta,
        identity.dimensions,
        `${INDEX_FILES.deltaFolder}/${INDEX_FILES.hnswIndex}`,
      );
      // The delta's vectors are only needed by the next update; a damaged file just means embedding them again.
      const saved = await readGenerationVectorCache(folder, identity, INDEX_FILES.deltaVectors);
      delta = { store, graph: store.index, vectors: saved.cache ?? VectorCache.empty(identity) };
    }
    assertSlots(slots, passages, mainIds, deltaIds);

    // The passages' own id strings where a label still holds one: the docstore's copies go with the docstore.
    const idByLabel = [...mainIds];
    passages.forEach((passage, i) => {
      if (slots[i]! >= 0) idByLabel[slots[i]!] = passage.id;
    });
    const { m, efConstruction, randomSeed } = manifest.hnsw;
    const hnsw = resolveHnswParameters({
      m,
      efConstruction,
      randomSeed,
      efSearch: options.efSearch,
      filteredEfSearch: options.filteredEfSearch,
    });
    return new PassageIndex({
      main: {
        store: mainStore,
        graph: mainStore.index,
        idByLabel,
        // Read lazily: only a later rebuild needs the vectors, and they are as large as the graph.
        vectors: () => readReusableVectorCache(dir, folder, identity),
        saved: { folder, files: mainGraphDigests(manifest) },
      },
      delta,
      passages: [...passages],
      slots,
      embeddings,
      identity,
      hnsw,
      knowledgeFingerprint: manifest.knowledge.fingerprint,
      passagesSha256: manifest.knowledge.passagesSha256,
      counts: { embedded: 0, reused: 0 },
    });
  }

  get size(): number {
    return this.passages.length;
  }

  get dimensions(): number {
    return this.identity.dimensions;
  }

  /** Passages held in the delta graph, outside the main one (0 after a full build). */
  get deltaSize(): number {
    return this.deltaPassages.length;
  }

  /**
   * The `k` passages closest to `vector` (k is capped at the index size; k ≤ 0 gives []), optionally only
   * those `filter` accepts.
   * Synchronous and allocation-light: one native search per graph plus one small object per hit.
   */
  searchByVector(vector: readonly number[], k: number, filter?: (passage: Passage) => boolean): PassageHit[] {
    if (vector.length !== this.identity.dimensions) {
      throw new RangeError(
        `query vector has ${vector.length} dimensions, the index holds ${this.identity.dimensions}`,
      );
    }
    const count = Math.min(Math.floor(k), this.passages.length);
    if (!(count > 0)) return [];
    const hits = searchGraph(
      this.main.graph,
      this.mainPassages,
      this.removedFromMain,
      vector,
      count,
      filter,
      this.hnswParameters,
    );
    if (this.delta === undefined) return hits;
    const deltaHits = searchGraph(
      this.delta.graph,
      this.deltaPassages,
      0,
      vector,
      Math.min(count, this.deltaPassages.length),
      filter,
      this.hnswParameters,
    );
    return mergeHits(hits, deltaHits, count);
  }

  /**
   * Cosine similarity of `vector` to each of these passages (NaN for one the index does not hold), for
   * candidates found another way (the lexical channel) that the graph search did not return.
   */
  similarityTo(vector: readonly number[], passages: readonly Passage[]): number[] {
    const queryNorm = vectorNorm(vector) || 1;
    return passages.map((passage) => {
      const place = this.placeOf(passage);
      if (place === undefined) return Number.NaN;
      const slot = this.slots[place]!;
      const { point, norm } = this.storedPoint(slot);
      return dotProduct(point, vector) / (queryNorm * (norm || 1));
    });
  }

  /**
   * Where a passage with this one's id sits in {@link passages}. A document's passages are contiguous and in
   * position order, so that is its document's start plus its position: a map of a thousand documents instead of
   * one of 100,000 passage ids (3.5 MB at 100,000 passages). A passage found elsewhere (not one of this version's
   * objects) is looked up by id, as every passage was before.
   */
  private placeOf(passage: Passage): number | undefined {
    this.documentStarts ??= documentStarts(this.passages);
    const start = this.documentStarts.get(passage.documentId);
    const place = start === undefined ? -1 : start + passage.position;
    if (place >= 0 && this.passages[place]?.id === passage.id) return place;
    if (this.placeById === undefined) {
      this.placeById = new Map();
      this.passages.forEach((other, i) => {
        if (!this.placeById!.has(other.id)) this.placeById!.set(other.id, i);
      });
    }
    return this.placeById.get(passage.id);
  }

  /**
   * The vector the graph stores for a slot (hnswlib's float32 values, exactly) and its length. hnswlib-node's
   * `getPoint` builds a JavaScript array per call (tens of µs at ~500 dimensions), and the same passages (the
   * targeted sheets', the lexical channel's) come back question after question, so the most recent
   * {@link POINT_CACHE_SIZE} are kept.
   */
  private storedPoint(slot: number): { readonly point: Float32Array; readonly norm: number } {
    const cached = this.pointCache.get(slot);
    if (cached !== undefined) {
      // Most recently used last: Map iteration order is insertion order, so the first key is the eviction candidate.
      this.pointCache.delete(slot);
      this.pointCache.set(slot, cached);
      return cached;
    }
    const point = Float32Array.from(
      slot >= 0 ? this.main.graph.getPoint(slot) : this.delta!.graph.getPoint(-1 - slot),
    );
    const entry = { point, norm: vectorNorm(point) };
    this.pointCache.set(slot, entry);
    if (this.pointCache.size > POINT_CACHE_SIZE) {
      const oldest = this.pointCache.keys().next();
      if (oldest.done !== true) this.pointCache.delete(oldest.value);
    }
    return entry;
  }

  /** Embeds `query` and returns the `k` closest passages. */
  async search(query: string, k: number): Promise<PassageHit[]> {
    return this.searchByVector(await this.embeddings.embedQuery(query), k);
  }

  /** The vectors of this index's passages keyed by text hash, to pass to the next {@link PassageIndex.build}. */
  async vectorCache(): Promise<VectorCache> {
    if (typeof this.main.vectors === 'function') this.main.vectors = await this.main.vectors();
    return this.delta === undefined
      ? this.main.vectors
      : VectorCache.layered(this.delta.vectors, this.main.vectors);
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
   * the previous generation or this one, never a mixture. The main graph's files are hard-linked from the
   * generation that already holds them when there is one (an update writes only its delta, passages and slots);
   * otherwise they are written. `manifest.json` goes last and lists every other file's size and sha256, so a
   * folder without a valid manifest is never mistaken for an index.
   * @returns the folder of the new generation.
   */
  async save(dir: string): Promise<string> {
    const temporary = await createTemporaryGeneration(dir);
    try {
      const files: Record<string, FileDigest> = {};
      const saved = this.main.saved;
      const linked = saved !== undefined && (await linkGenerationFiles(saved.folder, temporary, saved.files));
      if (linked) Object.assign(files, saved.files);
      else {
        await saveHnswStore(this.main.store, this.main.idByLabel, temporary);
        for (const name of [INDEX_FILES.hnswIndex, INDEX_FILES.hnswArgs, INDEX_FILES.docstore]) {
          files[name] = await digestFile(join(temporary, name));
        }
        const vectors = await this.mainVectorsForSaving();
        files[INDEX_FILES.vectors] = await writeDigestedFile(
          temporary,
          INDEX_FILES.vectors,
          vectorCacheParts(vectors),
        );
      }
      if (this.delta !== undefined) {
        const deltaFolder = join(temporary, INDEX_FILES.deltaFolder);
        await this.delta.store.save(deltaFolder);
        for (const name of [INDEX_FILES.hnswIndex, INDEX_FILES.hnswArgs, INDEX_FILES.docstore]) {
          files[`${INDEX_FILES.deltaFolder}/${name}`] = await digestFile(join(deltaFolder, name));
        }
        files[INDEX_FILES.deltaVectors] = await writeDigestedFile(
          temporary,
          INDEX_FILES.deltaVectors,
          vectorCacheParts(this.delta.vectors),
        );
      }
      const passagesFile = await passagesFileParts(this.passages);
      const passagesDigest = await writeDigestedFile(temporary, INDEX_FILES.passages, passagesFile.parts);
      files[INDEX_FILES.passages] = passagesDigest;
      files[INDEX_FILES.passagesLayout] = await writeDigestedFile(
        temporary,
        INDEX_FILES.passagesLayout,
        passagesFile.layout(),
      );
      files[INDEX_FILES.slots] = await writeDigestedFile(
        temporary,
        INDEX_FILES.slots,
        encodeSlots(this.slots),
      );
      const manifest: IndexManifest = {
        ...this.manifestIdentity(),
        layers: { main: this.main.graph.getCurrentCount(), delta: this.deltaPassages.length },
        files,
        createdAt: new Date().toISOString(),
      };
      await writeDigestedFile(temporary, INDEX_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
      const published = await publishGeneration(dir, temporary);
      passagesFile.published(join(published, INDEX_FILES.passages), passagesDigest);
      // Later saves link the main graph's files from here; its vectors are read back from here when a rebuild
      // needs them, instead of staying in memory (as large as the graph itself).
      this.main.saved = { folder: published, files: mainGraphDigests(manifest) };
      if (this.main.vectors instanceof VectorCache) {
        const identity = this.identity;
        const held = this.main.vectors;
        this.main.vectors = () => readReusableVectorCache(dir, published, identity);
        held.release();
      }
      return published;
    } catch (error) {
      await discardTemporaryGeneration(temporary);
      throw error;
    }
  }

  /** The main graph's vectors, for writing its vectors.bin (best effort: a cache that cannot be read is empty). */
  private async mainVectorsForSaving(): Promise<VectorCache> {
    if (typeof this.main.vectors === 'function') this.main.vectors = await this.main.vectors();
    return this.main.vectors;
  }
}

function releaseDocstore(store: HNSWLib): void {
  store.docstore._docs.clear();
}

function assertSomePassages(passages: readonly Passage[]): void {
  if (passages.length === 0) {
    throw new KizunaError(
      'KNOWLEDGE_INVALID',
      'Cannot build a passage index: the knowledge base has no passages.',
    );
  }
}

/**
 * Embeds what `previous` does not hold (each distinct text once) and inserts every passage, in order, into a new
 * presized graph: label i is `passages[i]`.
 */
async function buildGraph(
  passages: readonly Passage[],
  embeddings: DescribedEmbeddings,
  identity: EmbedderIdentity,
  hnsw: HnswParameters,
  options: {
    readonly previous: VectorCache | undefined;
    readonly batchSize: number;
    readonly onProgress?: ((done: number, total: number) => void) | undefined;
    readonly spillDirectory?: string | undefined;
  },
): Promise<{ store: HNSWLib; vectors: VectorCache; counts: BuildCounts }> {
  const total = passages.length;
  const { previous, batchSize } = options;
  const store = createHnswStore(embeddings, identity.dimensions, {
    capacity: total,
    m: hnsw.m,
    efConstruction: hnsw.efConstruction,
    randomSeed: hnsw.randomSeed,
  });
  const cache = spilledOrInMemory(identity, total, options.spillDirectory);
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
    // (A key repeated within the build, or reused, is read back from the cache: from its file when spilled.)
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
  return { store, vectors: cache, counts: { embedded, reused } };
}

/** A spilled cache in `directory` when one can be created there (else in memory: a read-only folder still builds). */
function spilledOrInMemory(
  identity: EmbedderIdentity,
  capacity: number,
  directory: string | undefined,
): VectorCache {
  if (directory !== undefined) {
    try {
      return VectorCache.spilled(identity, directory);
    } catch {
      // Fall through: memory costs more but works.
    }
  }
  return VectorCache.empty(identity, capacity);
}

/** The first place of each document's passages in `passages`. */
function documentStarts(passages: readonly Passage[]): Map<string, number> {
  const starts = new Map<string, number>();
  passages.forEach((passage, i) => {
    if (!starts.has(passage.documentId)) starts.set(passage.documentId, i);
  });
  return starts;
}

/** A loaded store's docstore as {@link graphIds} reads it (for a store loaded with its documents). */
function docstoreOf(store: HNSWLib): LoadedHnswStore {
  const documents = store.docstore._docs;
  const ids = Array.from({ length: documents.size }, (_, label) => documents.get(String(label))?.pageContent);
  return { store, ids, documents: documents.size };
}

/**
 * The passage ids a loaded store's docstore gives its labels, after checking the graph holds `count` vectors of
 * `dimensions` (when given) and the docstore one document per label.
 * @throws Error naming `file` when they disagree.
 */
function graphIds(
  loaded: LoadedHnswStore,
  count: number,
  dimensions?: number,
  file: string = INDEX_FILES.hnswIndex,
): string[] {
  const graph = loaded.store.index;
  if (dimensions !== undefined && graph.getNumDimensions() !== dimensions) {
    throw new Error(`${file} holds ${graph.getNumDimensions()}-dimensional vectors, expected ${dimensions}`);
  }
  if (graph.getCurrentCount() !== count || loaded.documents !== count) {
    throw new Error(
      `${file} holds ${graph.getCurrentCount()} vectors and its docstore ${loaded.documents} documents, expected ${count}`,
    );
  }
  const ids = new Array<string>(count);
  for (let label = 0; label < count; label += 1) {
    const id = loaded.ids[label];
    if (typeof id !== 'string') throw new Error(`${INDEX_FILES.docstore} has no document for label ${label}`);
    ids[label] = id;
  }
  return ids;
}

/** Every passage must sit at a distinct label that was built from it; every delta label must hold a passage. */
function assertSlots(
  slots: Int32Array,
  passages: readonly Passage[],
  mainIds: readonly string[],
  deltaIds: readonly string[],
): void {
  const mainUsed = new Uint8Array(mainIds.length);
  const deltaUsed = new Uint8Array(deltaIds.length);
  passages.forEach((passage, i) => {
    const slot = slots[i]!;
    const [ids, used, label] = slot >= 0 ? [mainIds, mainUsed, slot] : [deltaIds, deltaUsed, -1 - slot];
    if (label >= ids.length || used[label] === 1 || ids[label] !== passage.id) {
      throw new Error(`${INDEX_FILES.slots}: passage ${passage.id} is not at the label it names`);
    }
    used[label] = 1;
  });
  if (deltaUsed.includes(0)) throw new Error(`${INDEX_FILES.slots}: a delta label holds no passage`);
}

function mainGraphDigests(manifest: IndexManifest): Record<string, FileDigest> {
  return Object.fromEntries(
    MAIN_GRAPH_FILES.flatMap((name) =>
      manifest.files[name] === undefined ? [] : [[name, manifest.files[name]]],
    ),
  );
}

/** One graph's k nearest live passages (see {@link POST_FILTER_LIMIT} for how removed labels are skipped). */
function searchGraph(
  graph: HierarchicalNSW,
  passageAt: readonly (Passage | undefined)[],
  removed: number,
  vector: readonly number[],
  k: number,
  filter: ((passage: Passage) => boolean) | undefined,
  breadth: Pick<HnswParameters, 'efSearch' | 'filteredEfSearch'>,
): PassageHit[] {
  const stored = graph.getCurrentCount();
  let result: { neighbors: number[]; distances: number[] };
  if (filter === undefined && removed === 0) {
    result = graph.searchKnn(vector as number[], Math.min(k, stored));
  } else if (filter === undefined && removed <= POST_FILTER_LIMIT) {
    result = graph.searchKnn(vector as number[], Math.min(k + removed, stored));
  } else {
    // A filter runs inside the graph search, so "only the 2019 sheet" still finds k of its passages at scale.
    // The search is synchronous, so the breadth set for it cannot leak into another search.
    const narrowed = filter !== undefined && breadth.filteredEfSearch !== breadth.efSearch;
    if (narrowed) graph.setEf(breadth.filteredEfSearch);
    try {
      result = graph.searchKnn(vector as number[], Math.min(k, stored), (label: number) => {
        const passage = passageAt[label];
        return passage !== undefined && (filter === undefined || filter(passage));
      });
    } finally {
      if (narrowed) graph.setEf(breadth.efSearch);
    }
  }
  const { neighbors, distances } = result;
  const hits: PassageHit[] = [];
  for (let i = 0; i < neighbors.length && hits.length < k; i += 1) {
    const passage = passageAt[neighbors[i]!];
    if (passage !== undefined) hits.push({ passage, score: 1 - distances[i]! });
  }
  return hits;
}

/** The `k` best of two best-first hit lists, best first (the main graph's hit first on equal scores). */
function mergeHits(a: readonly PassageHit[], b: readonly PassageHit[], k: number): PassageHit[] {
  const merged: PassageHit[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < k && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i]!.score >= b[j]!.score)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}
