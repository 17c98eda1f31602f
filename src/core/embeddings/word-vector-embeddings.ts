import { TEXT_PIPELINE_VERSION } from '../text/content-terms.js';
import { BlockVectorizer } from './block-vectorizer.js';
import type { EmbedderIdentity } from './embedder-identity.js';
import { LocalTextEmbeddings, type EmbeddingPurpose } from './local-text-embeddings.js';
import { WordResolver } from './word-resolver.js';
import { defaultWordVectorTable, type WordVectorTable } from './word-vector-table.js';
import { validateWordVectorSettings } from './word-vector-weight.js';

/** Options of {@link WordVectorEmbeddings}; every one of them changes the vectors. */
export interface WordVectorOptions {
  /** SIF constant `a` in the word weight `a / (a + p(word))`; smaller down-weights frequent words more. @default 0.001 */
  readonly sifA?: number;
  /** Weight of a question word read as a typo of a table word, relative to one found as typed. @default 0.7 */
  readonly correctionWeight?: number;
  /** Shortest question word that may be read as a typo. @default 5 */
  readonly minCorrectionLength?: number;
  /** @default the shipped table */
  readonly table?: WordVectorTable;
}

export type ResolvedWordVectorOptions = Required<Omit<WordVectorOptions, 'table'>>;

export const WORD_VECTOR_DEFAULTS: ResolvedWordVectorOptions = {
  sifA: 0.001,
  correctionWeight: 0.7,
  minCorrectionLength: 5,
};

/**
 * SIF-weighted mean of the 100-d word vectors of a text's content words (weights from the fixed
 * frequency rank, `1 + ln(count)` for repeats). Carries meaning across different words ("firms" ≈
 * "companies"); a word not in the table borrows the vector of the table word with its American spelling,
 * its stem or (questions only) one typo away, and is otherwise skipped. For comparison; Kizuna's default
 * is `OfflineEmbeddings`.
 */
export class WordVectorEmbeddings extends LocalTextEmbeddings {
  readonly dimensions: number;
  readonly options: ResolvedWordVectorOptions;
  private readonly table: WordVectorTable;
  private readonly vectorizer: BlockVectorizer;

  constructor(options: WordVectorOptions = {}) {
    super();
    const { table, ...rest } = options;
    this.options = { ...WORD_VECTOR_DEFAULTS, ...rest };
    validateWordVectorSettings(this.options);
    this.table = table ?? defaultWordVectorTable();
    const resolver = new WordResolver(this.table, { minCorrectionLength: this.options.minCorrectionLength });
    this.vectorizer = new BlockVectorizer({ words: this.options, hashedShare: 0 }, resolver);
    this.dimensions = this.vectorizer.dimensions;
  }

  embedText(text: string, purpose: EmbeddingPurpose): Float32Array {
    return this.vectorizer.embed(text, purpose);
  }

  describe(): EmbedderIdentity {
    return {
      id: 'kizuna-word-vectors@1',
      dimensions: this.dimensions,
      params: { textPipeline: TEXT_PIPELINE_VERSION, ...this.options },
      fittedStateHash: this.table.sha256,
    };
  }
}
