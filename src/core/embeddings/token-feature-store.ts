/**
 * Per-token features kept in a few flat typed arrays rather than one object per token: embedding a
 * passage is then one map lookup per distinct word plus sequential reads, and the garbage collector sees
 * a handful of arrays instead of hundreds of thousands of small objects. Bounded: when full it starts
 * over (results are identical, only slower until it refills).
 */
export class TokenFeatureStore {
  private readonly entryByToken = new Map<string, number>();
  private featureStart = new Int32Array(1024);
  private wordRows = new Int32Array(1024);
  private wordWeights = new Float32Array(1024);
  private bucketPool = new Int32Array(16_384);
  private valuePool = new Float32Array(16_384);
  private entryCount = 0;
  private poolLength = 0;

  /** @param maxEntries tokens kept before starting over. */
  constructor(private readonly maxEntries = 100_000) {}

  /** Entry number of a token, or -1. */
  entryOf(token: string): number {
    return this.entryByToken.get(token) ?? -1;
  }

  /**
   * Stores a token's hashed features and its word-vector row (-1 for none) with weight; returns its entry.
   */
  add(
    token: string,
    buckets: readonly number[],
    values: readonly number[],
    wordRow: number,
    wordWeight: number,
  ): number {
    if (this.entryCount >= this.maxEntries) this.clear();
    const entry = this.entryCount;
    if (entry + 1 >= this.featureStart.length) this.growEntries();
    while (this.poolLength + buckets.length > this.bucketPool.length) this.growPool();
    this.featureStart[entry] = this.poolLength;
    this.bucketPool.set(buckets, this.poolLength);
    this.valuePool.set(values, this.poolLength);
    this.poolLength += buckets.length;
    this.featureStart[entry + 1] = this.poolLength;
    this.wordRows[entry] = wordRow;
    this.wordWeights[entry] = wordWeight;
    this.entryCount += 1;
    this.entryByToken.set(token, entry);
    return entry;
  }

  /**
   * Adds `tf ×` an entry's hashed features into `target[offset + bucket]`.
   * Returns nothing; word-vector data is read with {@link wordRow}/{@link wordWeight}.
   */
  addFeaturesTo(entry: number, tf: number, target: Float32Array, offset: number): void {
    const start = this.featureStart[entry] ?? 0;
    const end = this.featureStart[entry + 1] ?? start;
    const buckets = this.bucketPool;
    const values = this.valuePool;
    for (let index = start; index < end; index += 1) {
      const bucket = offset + (buckets[index] ?? 0);
      target[bucket] = (target[bucket] ?? 0) + tf * (values[index] ?? 0);
    }
  }

  wordRow(entry: number): number {
    return this.wordRows[entry] ?? -1;
  }

  wordWeight(entry: number): number {
    return this.wordWeights[entry] ?? 0;
  }

  get size(): number {
    return this.entryCount;
  }

  private clear(): void {
    this.entryByToken.clear();
    this.entryCount = 0;
    this.poolLength = 0;
  }

  private growEntries(): void {
    const capacity = this.featureStart.length * 2;
    this.featureStart = grow(this.featureStart, new Int32Array(capacity));
    this.wordRows = grow(this.wordRows, new Int32Array(capacity));
    this.wordWeights = grow(this.wordWeights, new Float32Array(capacity));
  }

  private growPool(): void {
    const capacity = this.bucketPool.length * 2;
    this.bucketPool = grow(this.bucketPool, new Int32Array(capacity));
    this.valuePool = grow(this.valuePool, new Float32Array(capacity));
  }
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
