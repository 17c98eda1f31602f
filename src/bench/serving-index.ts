import { PassageIndex } from '../core/index/passage-index.js';
import type { KizunaService } from '../core/service/kizuna-service.js';

/** Where the bench got the HNSW graph it compares against. */
export type ServingIndexSource = 'the service' | 'saved index reloaded';

/**
 * The `PassageIndex` a service is answering from, so raw `searchKnn` runs on the very graph the service searches.
 * The service keeps its index private; until it exposes one, the bench looks at its current knowledge state, and
 * if that is not a `PassageIndex` it loads the saved generation the service just wrote (the same graph, byte for
 * byte, at the cost of a second copy in memory).
 */
export async function servingPassageIndex(
  service: KizunaService,
  loadSaved: () => Promise<PassageIndex>,
): Promise<{ index: PassageIndex; source: ServingIndexSource }> {
  const state = (service as unknown as { state?: { index?: unknown } }).state;
  if (state?.index instanceof PassageIndex) return { index: state.index, source: 'the service' };
  return { index: await loadSaved(), source: 'saved index reloaded' };
}
