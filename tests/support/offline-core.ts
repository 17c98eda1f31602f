import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.js';
import { createKizuna } from '../../src/core/create-kizuna.js';
import { silentLogger } from '../../src/core/logger.js';
import type { KizunaService } from '../../src/core/service/kizuna-service.js';

/**
 * The real core on a private copy of the real knowledge, with its index in a temporary folder, so a spec
 * can ask it anything and throw it away. `env` adds configuration (e.g. a model provider on 127.0.0.1).
 */
export async function startRealCore(
  env: Record<string, string> = {},
): Promise<{ core: KizunaService; close: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kizuna-core-'));
  await cp('knowledge', join(dir, 'knowledge'), { recursive: true });
  const core = await createKizuna({
    config: loadConfig({
      KNOWLEDGE_DIR: join(dir, 'knowledge'),
      INDEX_DIR: join(dir, 'index'),
      LOG_LEVEL: 'silent',
      ...env,
    }),
    logger: silentLogger,
  });
  return { core, close: () => rm(dir, { recursive: true, force: true }) };
}
