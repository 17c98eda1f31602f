import type { z } from 'zod';

import { ConfigError, toConfigIssues } from './config-error.js';
import { deepFreeze, readEnv, type EnvSource } from './read-env.js';
import { storageEnvSchema } from './schema.js';

/**
 * Where and how Kizuna stores what its community tells it (feedback, coverage gaps, per-server settings),
 * read from {@link storageEnvSchema}; the {@link StorageConfig} type is inferred from this schema.
 */
export const storageSettingsSchema = storageEnvSchema.transform((e) => ({
  /** `DATABASE_URL`: a `postgres://` URL (shards on several machines); absent → the SQLite file. A secret. */
  databaseUrl: e.DATABASE_URL,
  /** `DATABASE_FILE`: the embedded SQLite database. @default '.kizuna/kizuna.sqlite' */
  databaseFile: e.DATABASE_FILE,
  /** `RETENTION_DAYS`: days question text and feedback comments are kept; 0 never keeps them. @default 30 */
  retentionDays: e.RETENTION_DAYS,
  /**
   * `USER_HASH_SECRET`: the key of the user-id hashes (HMAC-SHA-256). A secret, never logged; absent → one is
   * generated and kept beside the SQLite file (set it when shards run on several machines).
   */
  userHashSecret: e.USER_HASH_SECRET,
  /** `RECORD_DIRECT_MESSAGES`: record questions asked in direct messages too. @default false */
  recordDirectMessages: e.RECORD_DIRECT_MESSAGES,
}));

/** The storage settings (see {@link storageSettingsSchema}). */
export type StorageConfig = Readonly<z.output<typeof storageSettingsSchema>>;

/**
 * Parses the storage variables (default: `.env` merged under `process.env`), for the bot and `npm run report`.
 * @throws {ConfigError} naming each malformed variable (never its value)
 */
export function loadStorageConfig(env?: EnvSource): StorageConfig {
  return deepFreeze(parseStorageConfig(readEnv(env)));
}

/** The storage configuration, unfrozen (for `loadDiscordConfig` to nest); throws {@link ConfigError}. */
export function parseStorageConfig(source: EnvSource): StorageConfig {
  const parsed = storageSettingsSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(toConfigIssues(parsed.error));
  return parsed.data;
}
