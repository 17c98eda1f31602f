import { TEXT_PIPELINE_VERSION } from '../text/content-terms.js';
import { BlockVectorizer } from './block-vectorizer.js';
import type { EmbedderIdentity } from './embedder-identity.js';
import { validateHashedNgramSettings } from './hashed-ngram-features.js';
import { LocalTextEmbeddings, type EmbeddingPurpose } from './local-text-embeddings.js';
import { WordResolver } from './word-resolver.js';
import { defaultWordVectorTable, type WordVectorTable } from './word-vector-table.js';

/** Options of {@link HashedNgramEmbeddings}; every one of them changes the vectors. */
export interface HashedNgramOptions {
  /** Buckets features are hashed into. @default 384 */
  readonly dimensions?: number;
  /** @default 3 */
  readonly minNgram?: number;
  /** @default 5 */
  readonly maxNgram?: number;
  /** Length of a word's n-gram block relative to its whole-word feature. @default 1 */
  readonly ngramWeight?: number;
  /** Ranks well below this count as common in the frequency prior. @default 100 */
  readonly priorSmoothing?: number;
  /** Weight of the stem a question typo was corrected to. @default 0.7 */
  readonly correctionWeight?: number;
  /** Shortest question word that may be read as a typo. @default 5 */
  readonly minCorrectionLength?: number;
  /** Mixed into the feature hash; another seed gives other, equally random, collisions. @default 0 */
  readonly hashSeed?: number;
  /** Word table for frequency ranks and typo correction. @default the shipped table */
  readonly table?: WordVectorTable;
}

export type ResolvedHashedNgramOptions = Required<Omit<HashedNgramOptions, 'table'>>;

export const HASHED_NGRAM_DEFAULTS: ResolvedHashedNgramOptions = {
  dimensions: 384,
  minNgram: 3,
  maxNgram: 5,
  ngramWeight: 1,
  priorSmoothing: 100,
  correctionWeight: 0.7,
  minCorrectionLength: 5,
  hashSeed: 0,
};

/**
 * Feature-hashed stems and character 3–5-grams of a text's content words, weighted by a fixed
 * frequency prior, with `1 + ln(count)` for repeats (see `hashedTokenFeatures`). Lexical and
 * typo-tolerant, with no notion of synonyms. Mostly for comparison; Kizuna's default is `OfflineEmbeddings`.
 */
export class HashedNgramEmbeddings extends LocalTextEmbeddings {
  readonly dimensions: number;
  readonly options: ResolvedHashedNgramOptions;
  private readonly table: WordVectorTable;
  private readonly vectorizer: BlockVectorizer;

  constructor(options: HashedNgramOptions = {}) {
    super();
    const { table, ...rest } = options;
    this.options = { ...HASHED_NGRAM_DEFAULTS, ...rest };
    validateHashedNgramSettings(this.options);
    this.table = table ?? defaultWordVectorTable();
    const resolver = new WordResolver(this.table, { minCorrectionLength: this.options.minCorrectionLength });
    this.vectorizer = new BlockVectorizer({ hashed: this.options, hashedShare: 1 }, resolver);
    this.dimensions = this.vectorizer.dimensions;
  }

  embedText(text: string, purpose: EmbeddingPurpose): Float32Array {
    return this.vectorizer.embed(text, purpose);
  }

  describe(): EmbedderIdentity {
    return {
      id: 'kizuna-hashed-ngram@1',
      dimensions: this.dimensions,
      params: { textPipeline: TEXT_PIPELINE_VERSION, ...this.options },
      fittedStateHash: this.table.sha256,
    };
  }
}
