/**
 * How the HNSW graph is built and searched. Construction parameters shape the saved graph, so they are part
 * of the index manifest; `efSearch` only affects queries and can change without a rebuild.
 *
 * Chosen with `scripts/sweep-hnsw-parameters.ts` on the bench's 100,000-passage synthetic knowledge base
 * (offline embedder, 484 dimensions; AMD EPYC, 2 cores, shared and busy, load ≈ 7): inserts per second alone,
 * then ANN recall@24 of the real questions against exact search at efSearch 256 / 512:
 *   M 8,  efC 24: 4,003/s, 0.653 / 0.749      M 12, efC 40: 4,828/s, 0.796 / 0.864
 *   M 16, efC 32: 4,957/s, 0.760 / 0.829      M 12, efC 64: 3,456/s, 0.846 / 0.894
 *   M 16, efC 80: 1,550/s, 0.879 / 0.904      M 24, efC 64: 4,022/s, 0.864 / 0.914
 * The build-throughput target (≥ 5,000 passages/s including embedding, which alone runs at ~12,000/s) rules
 * out the graphs that would reach 0.95; M 12 / efC 40 builds as fast as M 8 / efC 24 (a better graph makes each
 * insertion's search shorter) and finds a sixth more of the true neighbours, and efSearch 512 buys recall back
 * at query time, where it is cheap (~1 ms per search at 100,000). The real questions are phrased
 * unlike the passages they look for, the case where HNSW loses most. Corpora smaller than `efSearch` are
 * searched exhaustively.
 */
export interface HnswParameters {
  /**
   * Links per node (2 × m on the bottom layer). Build cost grows roughly with m².
   * @default 12
   */
  readonly m: number;
  /**
   * Candidate list size while inserting: the dominant build cost after m.
   * @default 40
   */
  readonly efConstruction: number;
  /**
   * Candidate list size while searching (hnswlib uses max(efSearch, k)).
   * @default 512
   */
  readonly efSearch: number;
  /**
   * Seed of hnswlib's level generator, fixed so the same vectors always give the same graph.
   * @default 100
   */
  readonly randomSeed: number;
}

export const DEFAULT_HNSW_PARAMETERS: HnswParameters = Object.freeze({
  m: 12,
  efConstruction: 40,
  efSearch: 512,
  randomSeed: 100,
});

/** Fills in defaults and rejects values hnswlib would misbehave with (it silently truncates to uint32). */
export function resolveHnswParameters(overrides: Partial<HnswParameters> = {}): HnswParameters {
  const resolved = { ...DEFAULT_HNSW_PARAMETERS, ...definedOnly(overrides) };
  for (const [name, value] of Object.entries(resolved)) {
    const minimum = name === 'randomSeed' ? 0 : name === 'm' ? 2 : 1;
    if (!Number.isInteger(value) || value < minimum || value > 0xffff_ffff) {
      throw new RangeError(`HNSW parameter ${name} must be an integer ≥ ${minimum}, got ${String(value)}`);
    }
  }
  return Object.freeze(resolved);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
