import type { KizunaCore } from '../../core/types.js';

/**
 * Whether the core answers with a language model, and so may stream verified text while it writes.
 * The core reports a provider's state exactly when a model is configured; the offline answerer has none
 * and answers at once, so its replies are never streamed.
 */
export function answersWithModel(core: KizunaCore): boolean {
  return core.status().provider !== undefined;
}
