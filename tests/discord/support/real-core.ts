import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../../../src/config/load-config.js';
import { createKizuna } from '../../../src/core/create-kizuna.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { KizunaCore } from '../../../src/core/types.js';
import { REPO_ROOT } from './run-script.js';

/** The real core over the project's knowledge, with its index in a temporary folder. */
export interface RealCore {
  /** Undefined when the core cannot be built here; `unavailable` then says why. */
  readonly core: KizunaCore | undefined;
  readonly unavailable?: string;
  /** Environment that points another process at the same knowledge and index. */
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * Builds the real core (offline embeddings, extractive answers: no network). `env` overrides the defaults,
 * e.g. `ANSWER_PROVIDER=openai` with `OPENAI_BASE_URL` at a fake server on 127.0.0.1.
 */
export async function createRealCore(overrides: Record<string, string> = {}): Promise<RealCore> {
  const indexDir = await mkdtemp(join(tmpdir(), 'kizuna-discord-e2e-'));
  const env = {
    KNOWLEDGE_DIR: join(REPO_ROOT, 'knowledge'),
    PROMPTS_DIR: join(REPO_ROOT, 'prompts'),
    INDEX_DIR: indexDir,
    EMBEDDINGS_PROVIDER: 'offline',
    ANSWER_PROVIDER: 'extractive',
    ...overrides,
  };
  const dispose = (): Promise<void> => rm(indexDir, { recursive: true, force: true });
  try {
    const core = await createKizuna({ config: loadConfig(env), logger: silentLogger });
    return { core, env, dispose };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/not implemented/iu.test(message)) throw error;
    return { core: undefined, unavailable: `the real core is not available yet: ${message}`, env, dispose };
  }
}
