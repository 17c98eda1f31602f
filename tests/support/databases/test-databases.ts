import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { StorageConfig } from '../../../src/config/load-storage-config.js';
import type { StorageEngine } from '../../../src/storage/open-database.js';
import { startTestPostgres, type TestPostgres } from './test-postgres.js';

/** The two engines every storage test and the Discord community suite run against. */
export const ENGINES: readonly StorageEngine[] = ['sqlite', 'postgres'];

/**
 * Fresh, empty databases of one engine for a test file: a SQLite file in a temporary folder, or a new
 * database on this file's one PostgreSQL server (started on first use). `cleanup` in `afterAll`.
 */
export interface TestDatabases {
  readonly engine: StorageEngine;
  /** A storage configuration pointing at a new empty database (user-hash secret fixed). */
  fresh(overrides?: Partial<StorageConfig>): Promise<StorageConfig>;
  /** The environment variables for the same (for `loadDiscordConfig` in bot tests). */
  freshEnv(): Promise<Record<string, string>>;
  /** The PostgreSQL server, once started (to stop it mid-test); undefined for SQLite. */
  readonly postgres: TestPostgres | undefined;
  cleanup(): Promise<void>;
}

const SECRET = 'test-secret-0123456789abcdef';

export function testDatabases(engine: StorageEngine): TestDatabases {
  const folder = mkdtempSync(join(tmpdir(), 'kizuna-db-'));
  let server: Promise<TestPostgres> | undefined;
  let started: TestPostgres | undefined;
  let count = 0;
  const next = async (): Promise<{ url?: string; file: string }> => {
    count += 1;
    const file = join(folder, `db-${count}`, 'kizuna.sqlite');
    if (engine === 'sqlite') return { file };
    server ??= startTestPostgres().then((pg) => (started = pg));
    const url = await (await server).createDatabase(`kizuna_${count}`);
    return { url, file };
  };
  return {
    engine,
    async fresh(overrides = {}) {
      const { url, file } = await next();
      return {
        databaseUrl: url,
        databaseFile: file,
        retentionDays: 30,
        userHashSecret: SECRET,
        recordDirectMessages: false,
        ...overrides,
      };
    },
    async freshEnv() {
      const { url, file } = await next();
      return { DATABASE_FILE: file, USER_HASH_SECRET: SECRET, ...(url ? { DATABASE_URL: url } : {}) };
    },
    get postgres() {
      return started;
    },
    async cleanup() {
      if (server) await (await server).stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
