import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Atomic, multi-process-safe storage of whole index generations in one folder:
 *
 *   dir/CURRENT              name of the live generation (replaced by write-temp-then-rename)
 *   dir/gen-<time>-<pid>-<r>/ complete generations (normally just the live one)
 *   dir/.tmp-gen-…/          generations being written; invisible to readers
 *   dir/.publish.lock        held for the few milliseconds of a publish
 *
 * A writer fills a private temporary folder, then under the lock renames it to `gen-…`, points CURRENT at it
 * and deletes the other generations. A crash before the CURRENT rename leaves the previous generation live;
 * concurrent writers each publish a complete generation and the last rename wins. A reader that loses a race
 * with the deletion of its generation fails, sees that CURRENT moved on, and reads the new one.
 * Files are not fsynced: after a power loss a generation may hold damaged bytes, which the manifest's sizes and
 * sha256 digests reveal before anything is parsed, so the index is rebuilt rather than trusted.
 */
export const CURRENT_FILE = 'CURRENT';
const GENERATION_PREFIX = 'gen-';
const TEMPORARY_PREFIX = '.tmp-gen-';
const CURRENT_TEMPORARY_PREFIX = `${CURRENT_FILE}.tmp-`;
const LOCK_FILE = '.publish.lock';
const GENERATION_NAME = /^gen-[A-Za-z0-9-]+$/;

/** A publish holds the lock for milliseconds; one older than this was left by a crashed process. */
const STALE_LOCK_MS = 30_000;
/** How long a publish waits for the lock before giving up. */
const LOCK_WAIT_MS = 60_000;
/** Temporary folders older than this belong to crashed writers (a live one is at most minutes old). */
const STALE_TEMPORARY_MS = 6 * 60 * 60 * 1000;

export type CurrentGeneration =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problem: string }
  | { readonly kind: 'generation'; readonly name: string; readonly path: string };

/** Which generation CURRENT names. Never throws for a missing or garbled CURRENT. */
export async function readCurrentGeneration(dir: string): Promise<CurrentGeneration> {
  let text: string;
  try {
    text = await readFile(join(dir, CURRENT_FILE), 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { kind: 'none' };
    return { kind: 'invalid', problem: `${CURRENT_FILE}: ${(error as Error).message}` };
  }
  const name = text.trim();
  if (!GENERATION_NAME.test(name)) {
    return { kind: 'invalid', problem: `${CURRENT_FILE} does not name a generation` };
  }
  return { kind: 'generation', name, path: join(dir, name) };
}

/** Creates an empty private folder beside the generations, for one writer to fill. */
export async function createTemporaryGeneration(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${TEMPORARY_PREFIX}${uniqueSuffix()}`);
  await mkdir(path);
  return path;
}

/**
 * Makes a completely written temporary folder the live generation and removes the others.
 * @returns the path of the published generation.
 */
export async function publishGeneration(dir: string, temporaryPath: string): Promise<string> {
  return withPublishLock(dir, async () => {
    const name = `${GENERATION_PREFIX}${uniqueSuffix()}`;
    const path = join(dir, name);
    await rename(temporaryPath, path);
    const currentTemporary = join(dir, `${CURRENT_TEMPORARY_PREFIX}${uniqueSuffix()}`);
    await writeFile(currentTemporary, `${name}\n`);
    await rename(currentTemporary, join(dir, CURRENT_FILE));
    await removeOtherGenerations(dir, name);
    return path;
  });
}

/** Removes a temporary folder that will never be published (after a failed write). Never throws. */
export async function discardTemporaryGeneration(temporaryPath: string): Promise<void> {
  await rm(temporaryPath, { recursive: true, force: true }).catch(() => undefined);
}

async function removeOtherGenerations(dir: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(dir)) {
    if (entry === keep) continue;
    const path = join(dir, entry);
    let remove = entry.startsWith(GENERATION_PREFIX);
    if (!remove && (entry.startsWith(TEMPORARY_PREFIX) || entry.startsWith(CURRENT_TEMPORARY_PREFIX))) {
      const info = await stat(path).catch(() => undefined);
      remove = info !== undefined && now - info.mtimeMs > STALE_TEMPORARY_MS;
    }
    // Best effort: a generation that cannot be removed now is removed by the next publish.
    if (remove) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function withPublishLock<T>(dir: string, action: () => Promise<T>): Promise<T> {
  const lockPath = join(dir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`).finally(() => handle.close());
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(lockPath).catch(() => undefined);
      if (info !== undefined && Date.now() - info.mtimeMs > STALE_LOCK_MS) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath}`, { cause: error });
      await sleep(5 + Math.random() * 20);
    }
  }
  try {
    return await action();
  } finally {
    await rm(lockPath, { force: true });
  }
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
