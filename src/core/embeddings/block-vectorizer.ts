import { countContentTokens } from '../text/content-terms.js';
import { hashedTokenFeatures, type HashedNgramSettings } from './hashed-ngram-features.js';
import { markEmptyVector, type EmbeddingPurpose } from './local-text-embeddings.js';
import { TokenFeatureStore } from './token-feature-store.js';
import { normalizeRange, scaleRange } from './vector-math.js';
import type { WordResolver } from './word-resolver.js';
import { wordVectorWeight, type WordVectorSettings } from './word-vector-weight.js';

/** Which blocks a {@link BlockVectorizer} builds, and how they are weighted. */
export interface BlockVectorizerConfig {
  /** The hashed n-gram block (first in the vector), or undefined for none. */
  readonly hashed?: HashedNgramSettings;
  /** The word-vector block (after the hashed block), or undefined for none. */
  readonly words?: WordVectorSettings;
  /**
   * With both blocks: the share of the cosine that comes from the hashed block (each block is unit
   * length before weighting, so cosine = share × hashed cosine + (1 − share) × word cosine).
   */
  readonly hashedShare: number;
}

/**
 * The engine behind the offline embedders: counts a text's content tokens, looks each distinct token up
 * once in a per-purpose cache of its hashed features and word-vector row, and sums them into a
 * `[hashed block | word-vector block]` vector, each block normalised, then weighted, then the whole
 * normalised. Depends only on the text (fixed priors; caches only remember per-token results).
 */
export class BlockVectorizer {
  readonly dimensions: number;
  private readonly hashedDimensions: number;
  private readonly hashedScale: number;
  private readonly wordScale: number;
  private readonly documentStore = new TokenFeatureStore();
  private readonly queryStore = new TokenFeatureStore();
  // Scratch lists reused while computing a token's features (only on a cache miss).
  private readonly scratch = { buckets: [] as number[], values: [] as number[] };

  constructor(
    private readonly config: BlockVectorizerConfig,
    private readonly resolver: WordResolver,
  ) {
    if (config.hashed === undefined && config.words === undefined)
      throw new RangeError('a vectorizer needs at least one block');
    if (!(config.hashedShare >= 0 && config.hashedShare <= 1))
      throw new RangeError('hashedShare must be between 0 and 1');
    this.hashedDimensions = config.hashed?.dimensions ?? 0;
    this.dimensions = this.hashedDimensions + (config.words === undefined ? 0 : resolver.table.dimensions);
    const bothBlocks = config.hashed !== undefined && config.words !== undefined;
    this.hashedScale = bothBlocks ? Math.sqrt(config.hashedShare) : 1;
    this.wordScale = bothBlocks ? Math.sqrt(1 - config.hashedShare) : 1;
  }

  /** Does the one-off work of the first unknown word now (see `WordResolver.prepare`). */
  prepare(): void {
    this.resolver.prepare();
  }

  /** The unit-length vector of a text (the fixed "no content" vector when it has no content words). */
  embed(text: string, purpose: EmbeddingPurpose): Float32Array {
    const store = purpose === 'query' ? this.queryStore : this.documentStore;
    const table = this.resolver.table;
    const split = this.hashedDimensions;
    const vector = new Float32Array(this.dimensions);
    for (const [token, count] of countContentTokens(text)) {
      let entry = store.entryOf(token);
      if (entry < 0) entry = this.remember(token, purpose, store);
      const tf = 1 + Math.log(count);
      store.addFeaturesTo(entry, tf, vector, 0);
      const row = store.wordRow(entry);
      if (row >= 0) table.addRowTo(row, tf * store.wordWeight(entry), vector, split);
    }
    const hashedNorm = split > 0 ? normalizeRange(vector, 0, split) : 0;
    const wordNorm = split < this.dimensions ? normalizeRange(vector, split, this.dimensions) : 0;
    if (hashedNorm === 0 && wordNorm === 0) return markEmptyVector(vector);
    if (this.hashedScale !== 1) scaleRange(vector, this.hashedScale, 0, split);
    if (this.wordScale !== 1) scaleRange(vector, this.wordScale, split, this.dimensions);
    // Renormalise: one block may be empty (no table word in the text) or weighted 0.
    normalizeRange(vector);
    return vector;
  }

  private remember(token: string, purpose: EmbeddingPurpose, store: TokenFeatureStore): number {
    const match = this.resolver.resolve(token, purpose === 'query');
    const { buckets, values } = this.scratch;
    buckets.length = 0;
    values.length = 0;
    if (this.config.hashed !== undefined)
      hashedTokenFeatures(token, match, this.resolver.table, this.config.hashed, this.scratch);
    const words = this.config.words;
    const row = words !== undefined && match !== undefined ? match.row : -1;
    const weight =
      words !== undefined && match !== undefined ? wordVectorWeight(match, this.resolver.table, words) : 0;
    return store.add(token, buckets, values, row, weight);
  }
}
