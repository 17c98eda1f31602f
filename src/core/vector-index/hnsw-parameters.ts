/**
 * How the HNSW graph is built and searched. Construction parameters shape the saved graph, so they are part
 * of the index manifest; `efSearch` only affects queries and can change without a rebuild.
 *
 * Chosen with `scripts/sweep-hnsw-parameters.ts` on the bench's 100,000-passage synthetic knowledge base
 * (offline embedder, 484 dimensions; AMD EPYC, 2 cores, shared; 2026-11-30, load 2–3): inserts per second alone,
 * then ANN recall@24 of the real questions (`src/eval/questions.json`, 87) against exact cosine search, and raw
 * `searchKnn` p50, at efSearch 1,024 / 2,048 / 3,072 / 4,096:
 *   M 12, efC 40: 8,600/s   0.898 1.5 ms / 0.944 2.7 ms / 0.964 3.8 ms / 0.970 4.8 ms   (512: 0.864, 0.8 ms)
 *   M 16, efC 40: 8,300/s   0.911 1.5 ms / 0.941 2.8 ms / 0.960 3.7 ms / 0.971 4.7 ms
 *   M 12, efC 56: 6,500/s   0.934 1.6 ms / 0.962 2.8 ms / 0.971 4.0 ms / 0.982 5.3 ms
 *   M 20, efC 40: 4,000/s   0.922 1.6 ms / 0.952 2.7 ms / 0.961 3.7 ms / 0.970 4.7 ms
 * An earlier sweep (load ≈ 7) at efSearch 256 / 512: M 8 / efC 24 0.653 / 0.749, M 16 / efC 32 0.760 / 0.829,
 * M 24 / efC 64 0.864 / 0.914 (4,022/s), M 16 / efC 80 0.879 / 0.904 (1,550/s).
 * Centering the vectors (subtracting the corpus mean, |mean| = 0.70, then renormalising) was measured too and
 * rejected: 0.851 at efSearch 512 against 0.864, and it changes the metric (its exact top 24 share only 52% with
 * plain cosine's), so it would change answers.
 * What limits recall is the questions, not the graph: short questions sit far from every passage (exact 24th
 * cosine 0.3–0.6, the 24 within a few hundredths of each other), the case where a greedy graph search stops early.
 * The build-throughput target (≥ 5,000 passages/s including embedding) leaves M 12 / efC 40 (building faster than
 * any better-connected graph), so recall is bought at query time, where it is cheap: efSearch 3,072 reaches 0.96
 * for ~4 ms per search at 100,000 passages, and keeps every saved index valid (no construction parameter changed).
 * Corpora smaller than `efSearch` are searched exhaustively. Filtered searches (a question about a few sheets'
 * passages, too many to score one by one) keep {@link HnswParameters.filteredEfSearch}.
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
   * @default 3072
   */
  readonly efSearch: number;
  /**
   * Candidate list size of a search with a filter (only some documents' passages). Such a search calls a
   * JavaScript filter on every node it visits and, with a selective filter, visits far more nodes than it keeps,
   * so its cost grows much faster with the list size than an unfiltered search's; it keeps the breadth it had
   * before `efSearch` was raised (the same results as then).
   * @default 512
   */
  readonly filteredEfSearch: number;
  /**
   * Seed of hnswlib's level generator, fixed so the same vectors always give the same graph.
   * @default 100
   */
  readonly randomSeed: number;
}

export const DEFAULT_HNSW_PARAMETERS: HnswParameters = Object.freeze({
  m: 12,
  efConstruction: 40,
  efSearch: 3072,
  filteredEfSearch: 512,
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
