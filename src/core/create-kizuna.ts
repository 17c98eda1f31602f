import type { Config } from '../config/load-config.js';
import type { Logger } from './logger.js';
import type { KizunaCore } from './types.js';

export interface CreateKizunaOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Progress of a long index build (the CLI shows a bar on a terminal). */
  readonly onIndexProgress?: (done: number, total: number) => void;
}

/**
 * Composition root of the core: loads knowledge, prompts and the index, and returns the service.
 * (Being implemented by the lead; the signature is the contract front ends build against.)
 */
export async function createKizuna(_options: CreateKizunaOptions): Promise<KizunaCore> {
  throw new Error('not implemented yet');
}
