import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadConfig } from '../../src/config/load-config.js';
import { createKizuna } from '../../src/core/create-kizuna.js';
import { silentLogger } from '../../src/core/logger.js';
import type { KizunaService } from '../../src/core/service/kizuna-service.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The real core over a private copy of the project's knowledge, with its index in a temporary folder. */
export interface RealCore {
  readonly core: KizunaService;
  /** Environment that points another process (`npm start`, a shard) at the same knowledge and index. */
  readonly env: Record<string, string>;
  /** Removes the copy and the index. */
  readonly dispose: () => Promise<void>;
}

/**
 * Builds the real core: offline embeddings and extractive answers (no network) unless `overrides` say
 * otherwise, e.g. `ANSWER_PROVIDER=openai` with `OPENAI_BASE_URL` at a fake server on 127.0.0.1. The
 * knowledge is a copy, so a spec may edit it and reload. A core that cannot be built fails the spec.
 */
export async function startRealCore(overrides: Record<string, string> = {}): Promise<RealCore> {
  const dir = await mkdtemp(join(tmpdir(), 'kizuna-real-core-'));
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await cp(join(REPO_ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    const env = {
      KNOWLEDGE_DIR: join(dir, 'knowledge'),
      PROMPTS_DIR: join(REPO_ROOT, 'prompts'),
      INDEX_DIR: join(dir, 'index'),
      EMBEDDINGS_PROVIDER: 'offline',
      ANSWER_PROVIDER: 'extractive',
      LOG_LEVEL: 'silent',
      ...overrides,
    };
    const core = await createKizuna({ config: loadConfig(env), logger: silentLogger });
    return { core, env, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
