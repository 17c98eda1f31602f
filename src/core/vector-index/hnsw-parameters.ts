/**
 * How the HNSW graph is built and searched. Construction parameters shape the saved graph, so they are part
 * of the index manifest; `efSearch` only affects queries and can change without a rebuild.
 *
 * The defaults are chosen for the build-throughput target (≥ 5,000 passages/s including embedding, on 2 cores,
 * at 100,000 passages of ~484 dimensions): hnswlib-node inserts on one thread with SSE-only distance code, so
 * insertion dominates a build. Measured CPU time per insert at 20,000 offline-embedded passages (shared, busy
 * machine): M 8/efC 24 ≈ 104 µs, M 8/efC 32 ≈ 124 µs, M 12/efC 48 ≈ 161 µs, M 16/efC 200 ≈ 700 µs. Recall@10
 * against exact search at 30,000 with efSearch 128: 0.93 (M 8/efC 24), 0.97 (M 8/efC 32); a wider `efSearch`
 * buys recall back at query time, where it is cheap. Corpora smaller than `efSearch` are searched exhaustively.
 */
export interface HnswParameters {
  /**
   * Links per node (2 × m on the bottom layer). Build cost grows roughly with m².
   * @default 8
   */
  readonly m: number;
  /**
   * Candidate list size while inserting: the dominant build cost after m.
   * @default 24
   */
  readonly efConstruction: number;
  /**
   * Candidate list size while searching (hnswlib uses max(efSearch, k)).
   * @default 256
   */
  readonly efSearch: number;
  /**
   * Seed of hnswlib's level generator, fixed so the same vectors always give the same graph.
   * @default 100
   */
  readonly randomSeed: number;
}

export const DEFAULT_HNSW_PARAMETERS: HnswParameters = Object.freeze({
  m: 8,
  efConstruction: 24,
  efSearch: 256,
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
