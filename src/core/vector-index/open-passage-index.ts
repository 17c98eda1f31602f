import type { DescribedEmbeddings, EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Logger } from '../logger.js';
import type { Passage } from '../types.js';
import { resolveHnswParameters, type HnswParameters } from './hnsw-parameters.js';
import { manifestIdentity } from './index-manifest.js';
import { installedLibraryVersions } from './library-versions.js';
import { fingerprintPassages } from './passage-hashes.js';
import { PassageIndex, SavedIndexUnusableError } from './passage-index.js';
import { readGenerationVectorCache } from './saved-index-files.js';
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
   * The index being replaced (by a reload). Its vectors are reused if a rebuild is needed, and only then read:
   * a loaded index keeps them on disk until asked.
   */
  readonly previous?: PassageIndex;
  /**
   * Vectors already in memory, reused if a rebuild is needed. Vectors of another embedder are ignored.
   * @default the previous index's vectors, else the vector cache saved in `dir`
   */
  readonly vectorCache?: VectorCache;
}

export interface OpenedPassageIndex {
  readonly index: PassageIndex;
  readonly origin: 'loaded' | 'built';
  /** Why the index was rebuilt ("no saved index", "knowledge changed", "embedder changed: a → b", …). */
  readonly reason?: string;
  /** Texts sent to the embedder (0 when loaded). */
  readonly embedded: number;
  /** Passages whose vector came from a cache instead of the embedder (0 when loaded). */
  readonly reused: number;
}

/**
 * Loads the saved index when its manifest matches these passages, embedder, libraries and HNSW parameters;
 * otherwise builds one (reusing every cached vector whose text is unchanged) and saves it.
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
  let reason: string;
  let savedGeneration: string | undefined;
  try {
    const index = await PassageIndex.load(dir, embeddings, passages, {
      expect: expected,
      efSearch: hnsw.efSearch,
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
  });
  const { embedded, reused } = index.counts;
  logger.info(
    { passages: index.size, embedded, reused, ms: Math.round(performance.now() - buildStartedAt) },
    'passage index built',
  );

  try {
    const generation = await index.save(dir);
    logger.debug({ generation }, 'passage index saved');
  } catch (error) {
    logger.warn(
      { dir, err: error },
      'could not save the passage index; serving it from memory (it will be rebuilt next start)',
    );
  }
  return { index, origin: 'built', reason, embedded, reused };
}

/** The first applicable source of old vectors: the given cache, the previous index's, the saved generation's. */
async function reusableVectors(
  options: OpenPassageIndexOptions,
  identity: EmbedderIdentity,
  savedGeneration: string | undefined,
  logger: Logger,
): Promise<VectorCache | undefined> {
  if (options.vectorCache?.isFor(identity)) return options.vectorCache;
  if (options.previous !== undefined) {
    const cache = await options.previous.vectorCache();
    if (cache.isFor(identity) && cache.size > 0) return cache;
  }
  if (savedGeneration === undefined) return undefined;
  const saved = await readGenerationVectorCache(savedGeneration, identity);
  if (saved.problem !== undefined) logger.debug({ problem: saved.problem }, 'saved vector cache not reused');
  return saved.cache;
}
