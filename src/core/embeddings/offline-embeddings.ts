import { TEXT_PIPELINE_VERSION } from '../text/content-terms.js';
import { BlockVectorizer } from './block-vectorizer.js';
import type { EmbedderIdentity } from './embedder-identity.js';
import { HASHED_NGRAM_DEFAULTS } from './hashed-ngram-embeddings.js';
import { validateHashedNgramSettings, type HashedNgramSettings } from './hashed-ngram-features.js';
import { LocalTextEmbeddings, type EmbeddingPurpose } from './local-text-embeddings.js';
import { WordResolver } from './word-resolver.js';
import { defaultWordVectorTable, type WordVectorTable } from './word-vector-table.js';
import { validateWordVectorSettings } from './word-vector-weight.js';

/** Bumped whenever the offline algorithm changes in a way no parameter captures. */
export const OFFLINE_EMBEDDINGS_VERSION = 1;

/** Options of {@link OfflineEmbeddings}; every one of them changes the vectors and appears in `describe()`. */
export interface OfflineEmbeddingsOptions {
  /**
   * Buckets of the hashed n-gram block; the word-vector block adds the table's 100.
   * @default 384
   */
  readonly hashedDimensions?: number;
  /**
   * Share of the cosine similarity that comes from the hashed block; the word-vector block gets the rest
   * (cosine of the concatenation = share × hashed cosine + (1 − share) × word-vector cosine).
   * @default 0.45
   */
  readonly hashedShare?: number;
  /** @default 3 */
  readonly minNgram?: number;
  /** @default 5 */
  readonly maxNgram?: number;
  /** Length of a word's character n-gram block relative to its whole-word feature. @default 1.5 */
  readonly ngramWeight?: number;
  /** Ranks well below this count as common in the hashed block's frequency prior. @default 100 */
  readonly priorSmoothing?: number;
  /** SIF constant of the word-vector block; smaller down-weights frequent words more. @default 0.0003 */
  readonly sifA?: number;
  /** Weight of the word a question typo was corrected to ("toyata" → "toyota"), relative to a word found as typed. @default 0.7 */
  readonly correctionWeight?: number;
  /** Shortest question word that may be read as a typo. @default 5 */
  readonly minCorrectionLength?: number;
  /** Mixed into the hashed block's feature hash; another seed gives other, equally random, collisions. @default 0 */
  readonly hashSeed?: number;
  /** @default the shipped table (`word-vectors/word-vectors.kzwv`) */
  readonly table?: WordVectorTable;
}

export type ResolvedOfflineEmbeddingsOptions = Required<Omit<OfflineEmbeddingsOptions, 'table'>>;

/**
 * Chosen with `scripts/compare-embedders.ts` (47 questions over the two sheets, brute-force cosine):
 * 89% rank-1 / 98% rank-3 (85% / 97% averaged over 8 hash seeds), against 77% / 83% for stemmed BM25
 * and 70–79% rank-1 for either block alone. Neighbouring settings score within a question or two.
 * 384 hashed buckets (484 dimensions in all): 256 lose ~4 points of rank-1 and 3 of rank-3 on average
 * and build an HNSW index in ~25% less time; 768 gain under 2 points for ~1.7× the build time.
 * Fewer buckets would also shrink the HNSW graph (at 100,000 passages, 4 bytes × 100,000 per dimension: 128 buckets
 * save ~100 MB of its ~205 MB), so they were measured again on every evaluation set (issue 10, 2026-12-01;
 * `npm run eval` on `questions.json`, `holdout-questions.json`, `sets/en-a…k`, `sets/ja-a…d`: 842 of 1,037
 * answerable questions cited correctly at 384): 839 at 256 (en-e −4.0 points), 834 at 192 (en-a −4.5, en-e −6.7,
 * en-e refusing fewer unanswerable questions), 829 at 128 (en-e −6.7). Every one answers worse, so 384 stays.
 */
export const OFFLINE_EMBEDDINGS_DEFAULTS: ResolvedOfflineEmbeddingsOptions = {
  hashedDimensions: 384,
  hashedShare: 0.45,
  minNgram: HASHED_NGRAM_DEFAULTS.minNgram,
  maxNgram: HASHED_NGRAM_DEFAULTS.maxNgram,
  ngramWeight: 1.5,
  priorSmoothing: HASHED_NGRAM_DEFAULTS.priorSmoothing,
  sifA: 0.0003,
  correctionWeight: 0.7,
  minCorrectionLength: 5,
  hashSeed: 0,
};

/**
 * Kizuna's default embedder: no download, no server, no key. The concatenation of
 * - a hashed block (stems + character 3–5-grams, frequency-prior weighted): exact terms, inflections, typos;
 * - a word-vector block (SIF-weighted mean of 100-d GloVe vectors): paraphrases ("firms" ≈ "companies").
 * Each block is unit length before weighting, so the final cosine is the weighted sum of the two cosines.
 *
 * A text's vector depends only on that text (fixed priors, no corpus statistics), so unchanged passages
 * never need re-embedding. Questions (`embedQuery`) are additionally read for typos.
 */
export class OfflineEmbeddings extends LocalTextEmbeddings {
  readonly dimensions: number;
  readonly options: ResolvedOfflineEmbeddingsOptions;
  private readonly table: WordVectorTable;
  private readonly vectorizer: BlockVectorizer;

  constructor(options: OfflineEmbeddingsOptions = {}) {
    super();
    const { table, ...rest } = options;
    this.options = { ...OFFLINE_EMBEDDINGS_DEFAULTS, ...rest };
    const hashed = hashedSettings(this.options);
    const words = { sifA: this.options.sifA, correctionWeight: this.options.correctionWeight };
    validateHashedNgramSettings(hashed);
    validateWordVectorSettings(words);
    if (!(this.options.minCorrectionLength >= 1)) throw new RangeError('minCorrectionLength must be ≥ 1');
    this.table = table ?? defaultWordVectorTable();
    const resolver = new WordResolver(this.table, { minCorrectionLength: this.options.minCorrectionLength });
    this.vectorizer = new BlockVectorizer({ hashed, words, hashedShare: this.options.hashedShare }, resolver);
    this.dimensions = this.vectorizer.dimensions;
  }

  embedText(text: string, purpose: EmbeddingPurpose): Float32Array {
    return this.vectorizer.embed(text, purpose);
  }

  /**
   * Builds the stem lookup used for words missing from the word table now, so that the first question
   * after start-up does not pay for it (tens of milliseconds; otherwise done on first need).
   */
  warmUp(): void {
    this.vectorizer.prepare();
  }

  describe(): EmbedderIdentity {
    return {
      id: `kizuna-offline@${OFFLINE_EMBEDDINGS_VERSION}`,
      dimensions: this.dimensions,
      params: {
        textPipeline: TEXT_PIPELINE_VERSION,
        ...this.options,
        wordVectorDimensions: this.table.dimensions,
        wordVectorCount: this.table.size,
      },
      fittedStateHash: this.table.sha256,
    };
  }
}

function hashedSettings(options: ResolvedOfflineEmbeddingsOptions): HashedNgramSettings {
  const { hashedDimensions, minNgram, maxNgram, ngramWeight, priorSmoothing, correctionWeight, hashSeed } =
    options;
  return {
    dimensions: hashedDimensions,
    minNgram,
    maxNgram,
    ngramWeight,
    priorSmoothing,
    correctionWeight,
    hashSeed,
  };
}

/** Kizuna's default offline embedder with the given overrides (see {@link OFFLINE_EMBEDDINGS_DEFAULTS}). */
export function createOfflineEmbeddings(options: OfflineEmbeddingsOptions = {}): OfflineEmbeddings {
  return new OfflineEmbeddings(options);
}
