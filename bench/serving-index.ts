import { PassageIndex } from '../src/core/vector-index/passage-index.js';
import type { KizunaService } from '../src/core/service/kizuna-service.js';

/** Where the bench got the HNSW graph it compares against. */
export type ServingIndexSource = 'the service' | 'saved index reloaded';

/**
 * The `PassageIndex` a service is answering from, so raw `searchKnn` runs on the very graph the service searches.
 * If the serving index is not a `PassageIndex` (a test double), the saved generation the service just wrote is
 * loaded instead (the same graph, byte for byte, at the cost of a second copy in memory).
 */
export async function servingPassageIndex(
  service: KizunaService,
  loadSaved: () => Promise<PassageIndex>,
): Promise<{ index: PassageIndex; source: ServingIndexSource }> {
  const serving = service.servingIndex();
  if (serving instanceof PassageIndex) return { index: serving, source: 'the service' };
  return { index: await loadSaved(), source: 'saved index reloaded' };
}
