import type { Config } from '../config/load-config.js';
import type { Logger } from './logger.js';
import type { KizunaService } from './service/kizuna-service.js';
import type { KnowledgeBase } from './types.js';

export interface CreateKizunaOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Progress of a long index build (the CLI shows a bar on a terminal). */
  readonly onIndexProgress?: (done: number, total: number) => void;
  /** Ignore a saved index and build anew (`npm run index -- --rebuild`). @default false */
  readonly forceRebuild?: boolean;
  /** Where knowledge comes from; defaults to reading `config.knowledgeDir`. Benchmarks pass synthetic knowledge. */
  readonly loadKnowledge?: () => Promise<KnowledgeBase>;
}

/**
 * Composition root of the core: loads knowledge, prompts and the index, and returns the service.
 * (Being implemented by the lead; the signature is the contract front ends build against.)
 */
export async function createKizuna(_options: CreateKizunaOptions): Promise<KizunaService> {
  throw new Error('not implemented yet');
}
