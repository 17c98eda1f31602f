import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

import type { Logger } from '../core/logger.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/** Which engine holds the data. */
export type StorageEngine = 'sqlite' | 'postgres';

/** Where the database is: a PostgreSQL URL, or the SQLite file (created with its folder when missing). */
export interface DatabaseLocation {
  /** `postgres://…`; when set, `databaseFile` is ignored. A secret (it may hold a password): never logged. */
  readonly databaseUrl?: string;
  readonly databaseFile: string;
}

/** An open, migrated database. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly engine: StorageEngine;
  /** Said in logs and `/status`: "SQLite (.kizuna/kizuna.sqlite)" or "PostgreSQL (host:port/db)", no password. */
  readonly description: string;
  /** Closes every connection. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * How long one SQLite statement waits for another process's lock before failing (ms). better-sqlite3 waits
 * on the main thread, so it is short; the store tries again without blocking (`retryWhileLocked`).
 */
const SQLITE_BUSY_TIMEOUT_MS = 100;

/**
 * Opens the database (PostgreSQL when `databaseUrl` is set, else the SQLite file) and runs the migrations.
 * SQLite runs in WAL mode with full sync, so shard processes on one machine share the file and a committed
 * write survives a crash; PostgreSQL gets a small pool with short connection and statement timeouts, so a
 * database that is down fails a query quickly instead of holding it.
 * @throws Error when the database cannot be reached or a migration fails (the message names no secret)
 */
export async function openDatabase(location: DatabaseLocation, logger?: Logger): Promise<OpenDatabase> {
  const { opened, ready } = location.databaseUrl
    ? { opened: openPostgres(location.databaseUrl, logger), ready: () => undefined }
    : openSqlite(location.databaseFile);
  try {
    const ran = await migrateToLatest(opened.db as Kysely<unknown>);
    if (ran.length > 0) logger?.info({ migrations: ran, database: opened.description }, 'database migrated');
    ready();
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/** How long opening and migrating waits for other shard processes doing the same (ms). */
const SQLITE_START_BUSY_TIMEOUT_MS = 10_000;

/** The SQLite file opened; `ready` lowers the lock wait for serving once the migrations have run. */
function openSqlite(file: string): { opened: OpenDatabase; ready: () => void } {
  mkdirSync(dirname(file), { recursive: true });
  // Shards starting together wait for each other's migration; once serving, a lock fails a write quickly.
  const sqlite = new BetterSqlite3(file, { timeout: SQLITE_START_BUSY_TIMEOUT_MS });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closing: Promise<void> | undefined;
  return {
    opened: {
      db,
      engine: 'sqlite',
      description: `SQLite (${file})`,
      close: () => (closing ??= db.destroy()),
    },
    ready: () => void sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`),
  };
}

/** int8 (`bigint`, and `count(*)`) as a JavaScript number: every value here is far below 2^53. */
const INT8_OID = 20;

/** pg's type parsers, except int8 read as a number rather than a string. */
const int8AsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID
    ? (value: string): number => Number(value)
    : (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(
        oid,
        format,
      )) as typeof pg.types.getTypeParser;

function openPostgres(url: string, logger?: Logger): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 10_000,
    statement_timeout: 5_000,
    query_timeout: 6_000,
    types: { getTypeParser: int8AsNumber },
  });
  // An idle connection dropped by the server (restart, crash) is reported here; without a listener it
  // would crash the process. The next query gets a fresh connection or fails, and the caller decides.
  pool.on('error', (error) => logger?.warn({ err: { message: error.message } }, 'database connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: 'postgres',
    description: `PostgreSQL (${describePostgresUrl(url)})`,
    close: () => (closing ??= db.destroy()),
  };
}

/** "host:port/database" of a PostgreSQL URL: never the user or password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'unparsable URL';
  }
}
