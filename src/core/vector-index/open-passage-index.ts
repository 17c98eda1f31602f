import { mkdir } from 'node:fs/promises';

import type { DescribedEmbeddings, EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Logger } from '../logger.js';
import type { Passage } from '../types.js';
import { resolveHnswParameters, type HnswParameters } from './hnsw-parameters.js';
import { describeManifestMismatch, manifestIdentity, type IndexManifestIdentity } from './index-manifest.js';
import { installedLibraryVersions } from './library-versions.js';
import { fingerprintPassages } from './passage-hashes.js';
import { PassageIndex, SavedIndexUnusableError, type UpdatePassageIndexOptions } from './passage-index.js';
import { readGenerationVectorCache } from './saved-index.js';
import type { VectorCache } from './vector-cache.js';

export interface OpenPassageIndexOptions {
  /** Folder holding the saved index generations (created if missing). */
  readonly dir: string;
  readonly passages: readonly Passage[];
  readonly embeddings: DescribedEmbeddings;
  /** The knowledge files' fingerprint (`KnowledgeBase.fingerprint`). */
  readonly knowledgeFingerprint: string;
  readonly logger: Logger;
  /** Progress of a rebuild: (passages indexed, total). Not called when the saved index is loaded. */
  readonly onProgress?: (done: number, total: number) => void;
  /** HNSW parameters; changing a construction parameter (m, efConstruction, randomSeed) forces a rebuild. */
  readonly hnsw?: Partial<HnswParameters>;
  /**
   * The index being replaced (by a reload). When it was made by the same embedder, libraries and HNSW
   * construction parameters, the new index is an update of it ({@link PassageIndex.update}: its main graph kept,
   * only new and changed passages embedded and inserted into a small delta graph). Otherwise, or when the delta
   * would grow too large, its vectors are reused by a full rebuild, and only then read: a loaded index keeps them
   * on disk until asked.
   */
  readonly previous?: PassageIndex;
  /** Limits of an incremental update; see {@link UpdatePassageIndexOptions}. */
  readonly update?: Pick<UpdatePassageIndexOptions, 'maxDeltaShare' | 'minDeltaLimit'>;
  /**
   * Vectors already in memory, reused if a rebuild is needed. Vectors of another embedder are ignored.
   * @default the previous index's vectors, else the vector cache saved in `dir`
   */
  readonly vectorCache?: VectorCache;
}

export interface OpenedPassageIndex {
  readonly index: PassageIndex;
  /**
   * loaded: the saved index matched; updated: the previous index's main graph was kept and a delta built beside
   * it; built: a full build.
   */
  readonly origin: 'loaded' | 'updated' | 'built';
  /** Why the index was updated or rebuilt ("no saved index", "knowledge changed", "embedder changed: a → b", …). */
  readonly reason?: string;
  /** Texts sent to the embedder (0 when loaded). */
  readonly embedded: number;
  /** Passages whose vector came from a cache or the previous index instead of the embedder (0 when loaded). */
  readonly reused: number;
}

/**
 * Updates the previous index when there is a compatible one (a reload: no full graph rebuild, see
 * {@link OpenPassageIndexOptions.previous}); else loads the saved index when its manifest matches these passages,
 * embedder, libraries and HNSW parameters; otherwise builds one (reusing every cached vector whose text is
 * unchanged). An updated or built index is saved as a new generation.
 * Missing, damaged or foreign saved files only ever cause a rebuild. A failed save (e.g. a read-only folder)
 * is logged as a warning and the built index is served from memory.
 * @throws only what {@link PassageIndex.build} throws (an empty passage list, a failing embedder).
 */
export async function openPassageIndex(options: OpenPassageIndexOptions): Promise<OpenedPassageIndex> {
  const { dir, passages, embeddings, logger } = options;
  const identity = embeddings.describe();
  const hnsw = resolveHnswParameters(options.hnsw);
  const expected = manifestIdentity({
    knowledgeFingerprint: options.knowledgeFingerprint,
    passagesSha256: fingerprintPassages(passages),
    passageCount: passages.length,
    embedder: identity,
    libraries: installedLibraryVersions(),
    hnsw,
  });

  const startedAt = performance.now();
  const previous = options.previous;
  if (previous !== undefined && sameConstruction(previous.manifestIdentity(), expected)) {
    const updated = await PassageIndex.update(previous, passages, embeddings, {
      ...options.update,
      knowledgeFingerprint: options.knowledgeFingerprint,
      passagesSha256: expected.knowledge.passagesSha256,
    });
    if (updated !== undefined) {
      const { embedded, reused } = updated.counts;
      logger.info(
        {
          passages: updated.size,
          delta: updated.deltaSize,
          embedded,
          reused,
          ms: Math.round(performance.now() - startedAt),
        },
        'passage index updated',
      );
      await saveOrWarn(updated, dir, logger);
      return { index: updated, origin: 'updated', reason: 'knowledge changed', embedded, reused };
    }
    logger.info(
      { passages: passages.length },
      'passage index changes too much for an update; merging into one graph',
    );
  }
  let reason: string;
  let savedGeneration: string | undefined;
  try {
    const index = await PassageIndex.load(dir, embeddings, passages, {
      expect: expected,
      efSearch: hnsw.efSearch,
      filteredEfSearch: hnsw.filteredEfSearch,
    });
    logger.info(
      { dir, passages: index.size, embedder: identity.id, ms: Math.round(performance.now() - startedAt) },
      'passage index loaded',
    );
    return { index, origin: 'loaded', embedded: 0, reused: 0 };
  } catch (error) {
    if (error instanceof SavedIndexUnusableError) {
      reason = error.reason;
      savedGeneration = error.generationPath;
    } else {
      reason = `index files unreadable: ${(error as Error).message}`;
    }
  }
  logger.info({ dir, reason }, `rebuilding passage index: ${reason}`);

  const vectorCache = await reusableVectors(options, identity, savedGeneration, logger);

  const buildStartedAt = performance.now();
  const index = await PassageIndex.build(passages, embeddings, {
    vectorCache,
    onProgress: options.onProgress,
    hnsw,
    knowledgeFingerprint: options.knowledgeFingerprint,
    spillDirectory: await spillDirectory(dir),
  });
  const { embedded, reused } = index.counts;
  logger.info(
    { passages: index.size, embedded, reused, ms: Math.round(performance.now() - buildStartedAt) },
    'passage index built',
  );

  await saveOrWarn(index, dir, logger);
  return { index, origin: 'built', reason, embedded, reused };
}

/** A failed save (e.g. a read-only folder) leaves the index serving from memory. */
async function saveOrWarn(index: PassageIndex, dir: string, logger: Logger): Promise<void> {
  try {
    const generation = await index.save(dir);
    logger.debug({ generation }, 'passage index saved');
  } catch (error) {
    logger.warn(
      { dir, err: error },
      'could not save the passage index; serving it from memory (it will be rebuilt next start)',
    );
  }
}

/** Whether an index with manifest identity `saved` can be updated into `expected` (same vectors, same graph settings). */
function sameConstruction(saved: IndexManifestIdentity, expected: IndexManifestIdentity): boolean {
  return describeManifestMismatch({ ...saved, knowledge: expected.knowledge }, expected) === undefined;
}

/** The first applicable source of old vectors: the given cache, the previous index's, the saved generation's. */
async function reusableVectors(
  options: OpenPassageIndexOptions,
  identity: EmbedderIdentity,
  savedGeneration: string | undefined,
  logger: Logger,
): Promise<VectorCache | undefined> {
  if (options.vectorCache?.isFor(identity)) return options.vectorCache;
  if (options.previous !== undefined && options.previous.identity.id === identity.id) {
    const cache = await options.previous.vectorCache();
    if (cache.isFor(identity) && cache.size > 0) return cache;
  }
  if (savedGeneration === undefined) return undefined;
  const saved = await readGenerationVectorCache(savedGeneration, identity);
  if (saved.problem !== undefined) logger.debug({ problem: saved.problem }, 'saved vector cache not reused');
  return saved.cache;
}

/**
 * Where a build keeps its vectors until they are saved: the index folder (on disk, unlike a temporary folder that
 * may be in memory), or in memory when it cannot be created.
 */
async function spillDirectory(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    return dir;
  } catch {
    return undefined;
  }
}
