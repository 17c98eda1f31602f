/**
 * How the HNSW graph is built and searched. Construction parameters shape the saved graph, so they are part
 * of the index manifest; `efSearch` only affects queries and can change without a rebuild.
 */
export interface HnswParameters {
  /**
   * Links per node. Higher improves recall on large corpora and slows building roughly linearly.
   * @default 12
   */
  readonly m: number;
  /**
   * Candidate list size while inserting. The dominant build cost; see the measurements in the index README notes.
   * @default 48
   */
  readonly efConstruction: number;
  /**
   * Candidate list size while searching (hnswlib uses max(efSearch, k)). Corpora smaller than this are searched exactly.
   * @default 64
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
  efConstruction: 48,
  efSearch: 64,
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
