import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Keyed hashes of Discord user ids: HMAC-SHA-256 under a secret, hex, first 32 characters (128 bits).
 * The same person gets the same hash (one vote per answer, `/privacy delete`), but a hash cannot be turned
 * back into an id without the secret, nor matched against a list of ids.
 */
export type UserHasher = (userId: string) => string;

/** Makes the hasher for a secret. The secret is captured, never exposed or logged. */
export function createUserHasher(secret: string): UserHasher {
  return (userId) => createHmac('sha256', secret).update(`discord-user:${userId}`).digest('hex').slice(0, 32);
}

/** The file a generated secret is kept in: beside the SQLite file (`.kizuna/user-hash.key` by default). */
export function secretFileFor(databaseFile: string): string {
  return join(dirname(databaseFile), 'user-hash.key');
}

/**
 * The configured secret, or the one kept in `file`, created there (mode 0600, 32 random bytes) the first
 * time. Shard processes starting together agree: the file is created exclusively, and a process that loses
 * the race reads the winner's.
 * @throws Error when the file can be neither read nor created (the message names the file, not the secret)
 */
export function resolveUserHashSecret(configured: string | undefined, file: string): string {
  if (configured) return configured;
  try {
    return readSecret(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readSecret(file);
}

function readSecret(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16)
    throw new Error(`${file} does not hold a usable user-hash secret; delete it to make a new one`);
  return secret;
}
