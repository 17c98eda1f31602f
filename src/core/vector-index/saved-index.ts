import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { z } from 'zod';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Passage, PassageKind } from '../types.js';
import {
  INDEX_FORMAT_VERSION,
  parseIndexManifest,
  sameEmbedder,
  type IndexManifest,
} from './index-manifest.js';
import { forEachDocumentRun, passageRows } from './passage-hashes.js';
import { VectorCache } from './vector-cache.js';

/*
 * Everything a saved index is on disk, in one module: the folder of atomic generations (CURRENT, publish lock),
 * the files of one generation with their manifest checks, and the two binary/JSON encodings Kizuna writes itself
 * (passages.json, vectors.bin). The graph files are HNSWLib's own `save` output.
 */

/** The files of one generation. The first three are HNSWLib's own `save` output for the main graph. */
export const INDEX_FILES = {
  hnswIndex: 'hnswlib.index',
  hnswArgs: 'args.json',
  docstore: 'docstore.json',
  /** The passages of this version, in knowledge order (see {@link encodePassages}). */
  passages: 'passages.json',
  /**
   * Optional: where each document's rows sit in passages.json (see {@link passagesLayoutText}), so the first update
   * after a load copies unchanged documents' rows instead of encoding them.
   */
  passagesLayout: 'passages-layout.json',
  /** Where each passage's vector lives: int32 per passage, little-endian; label ≥ 0 in the main graph, −1 − label in the delta. */
  slots: 'slots.bin',
  /** The main graph's vectors by text hash (see {@link encodeVectorCache}), reused by the next full build. */
  vectors: 'vectors.bin',
  /** HNSWLib's `save` output for the delta graph of passages added since the main graph was built. */
  deltaFolder: 'delta',
  deltaVectors: 'delta-vectors.bin',
  manifest: 'manifest.json',
} as const;

/** Files every manifest must list; `manifest.json` itself is not listed. */
export const REQUIRED_FILES: readonly string[] = [
  INDEX_FILES.hnswIndex,
  INDEX_FILES.hnswArgs,
  INDEX_FILES.docstore,
  INDEX_FILES.passages,
  INDEX_FILES.slots,
  INDEX_FILES.vectors,
];

/** The files of the main graph: immutable once written, so a later generation that keeps the graph hard-links them. */
export const MAIN_GRAPH_FILES: readonly string[] = [
  INDEX_FILES.hnswIndex,
  INDEX_FILES.hnswArgs,
  INDEX_FILES.docstore,
  INDEX_FILES.vectors,
];

/** A file's size and sha256, as the manifest records it. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

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
// ── The generation store ──────────────────────────────────────────────────────────────────────────

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

// ── Why a saved index is not used ──────────────────────────────────────────────────────────────────

/** Why a saved index cannot be used; `reason` is a short phrase for the log ("knowledge changed"). */
export class SavedIndexUnusableError extends Error {
  override readonly name = 'SavedIndexUnusableError';
  constructor(
    readonly reason: string,
    /** The generation that was looked at, whose vector cache may still be reusable. */
    readonly generationPath?: string,
    options?: { cause?: unknown },
  ) {
    super(`saved passage index unusable: ${reason}`, options);
  }
}

// ── The files of one generation ───────────────────────────────────────────────────────────────────

/**
 * Checks that every file the manifest lists exists with its recorded size, and that the named ones also have
 * their recorded sha256 (hnswlib trusts its input, so a damaged graph must never reach it).
 * @throws Error naming the first damaged file.
 */
export async function verifyGenerationFiles(
  folder: string,
  manifest: IndexManifest,
  digestChecked: readonly string[],
): Promise<void> {
  for (const name of REQUIRED_FILES) {
    if (manifest.files[name] === undefined) throw new Error(`${INDEX_FILES.manifest} does not list ${name}`);
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const info = await stat(join(folder, name)).catch((error: NodeJS.ErrnoException) => {
      const problem = error.code === 'ENOENT' ? 'missing' : error.message;
      throw new Error(`${name}: ${problem}`, { cause: error });
    });
    if (info.size !== expected.bytes)
      throw new Error(`${name}: ${info.size} bytes, expected ${expected.bytes}`);
  }
  for (const name of digestChecked) {
    const expected = manifest.files[name];
    if (expected === undefined) continue;
    const actual = await digestFile(join(folder, name));
    if (actual.sha256 !== expected.sha256) throw new Error(`${name}: checksum mismatch`);
  }
}

/**
 * Reads and validates a generation's `manifest.json`.
 * @throws SavedIndexUnusableError for a manifest of another format version; Error naming the problem otherwise.
 */
export async function readGenerationManifest(folder: string): Promise<IndexManifest> {
  let text: string;
  try {
    text = await readFile(join(folder, INDEX_FILES.manifest), 'utf8');
  } catch (error) {
    const problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (error as Error).message;
    throw new Error(`${INDEX_FILES.manifest}: ${problem}`, { cause: error });
  }
  const parsed = parseIndexManifest(text);
  if (parsed.kind === 'other-format') {
    const change = `${String(parsed.formatVersion)} → ${INDEX_FORMAT_VERSION}`;
    throw new SavedIndexUnusableError(`index format changed: ${change}`, folder);
  }
  if (parsed.kind === 'invalid') throw new Error(`${INDEX_FILES.manifest}: ${parsed.problem}`);
  return parsed.manifest;
}

/**
 * Writes `data` (or its parts, one after another, without concatenating them) to `folder/name` and returns its
 * digest for the manifest.
 */
export async function writeDigestedFile(
  folder: string,
  name: string,
  data: Buffer | string | Iterable<Buffer>,
): Promise<FileDigest> {
  const parts: Iterable<Buffer> =
    typeof data === 'string' ? [Buffer.from(data, 'utf8')] : Buffer.isBuffer(data) ? [data] : data;
  await mkdir(dirname(join(folder, name)), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(join(folder, name), 'w');
  try {
    for (const part of parts) {
      // writeFile writes all of it from the current position (write may stop short).
      await handle.writeFile(part);
      hash.update(part);
      bytes += part.length;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Hard-links the named files of an earlier generation into `folder` (instant, and no second copy on disk).
 * Published files are never modified, so the link shares a finished file; it outlives the earlier generation's
 * removal. Returns false, leaving `folder` without them, when any is missing or differs in size from `expected`
 * (the caller then writes them afresh).
 */
export async function linkGenerationFiles(
  from: string,
  folder: string,
  expected: Readonly<Record<string, FileDigest>>,
): Promise<boolean> {
  const linked: string[] = [];
  try {
    for (const [name, digest] of Object.entries(expected)) {
      const info = await stat(join(from, name));
      if (info.size !== digest.bytes) throw new Error(`${name} changed size`);
      await mkdir(dirname(join(folder, name)), { recursive: true });
      await link(join(from, name), join(folder, name));
      linked.push(name);
    }
    return true;
  } catch {
    for (const name of linked) await rm(join(folder, name), { force: true });
    return false;
  }
}

/**
 * Reads one of a generation's vector files for reuse. Returns the problem instead (never throws) when the file is
 * missing, damaged or made by another embedder: the caller then simply embeds again.
 */
export async function readGenerationVectorCache(
  folder: string,
  identity: EmbedderIdentity,
  name: string = INDEX_FILES.vectors,
): Promise<{ readonly cache?: VectorCache; readonly problem?: string }> {
  try {
    const cache = decodeVectorCache(await readFile(join(folder, name)), identity);
    return cache === undefined ? { problem: 'made by another embedder' } : { cache };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * The vectors saved with `folder`, or, when another process's publish has replaced that generation since,
 * those of the live one in `dir` (which holds every unchanged text too); an empty cache when neither is readable.
 */
export async function readReusableVectorCache(
  dir: string,
  folder: string,
  identity: EmbedderIdentity,
): Promise<VectorCache> {
  const own = await readGenerationVectorCache(folder, identity);
  if (own.cache !== undefined) return own.cache;
  const current = await readCurrentGeneration(dir);
  if (current.kind === 'generation' && current.path !== folder) {
    const live = await readGenerationVectorCache(current.path, identity);
    if (live.cache !== undefined) return live.cache;
  }
  return VectorCache.empty(identity);
}

/** Size and sha256 of a file, read in 1 MB chunks. */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

// ── slots.bin ─────────────────────────────────────────────────────────────────────────────────────

/** Encodes where each passage's vector lives (see {@link INDEX_FILES}.slots). */
export function encodeSlots(slots: Int32Array): Buffer {
  assertLittleEndian();
  return Buffer.from(slots.buffer, slots.byteOffset, slots.byteLength);
}

/** @throws Error when the bytes are not `count` int32 slots. */
export function decodeSlots(bytes: Buffer, count: number): Int32Array {
  assertLittleEndian();
  if (bytes.length !== count * 4)
    throw new Error(`${INDEX_FILES.slots} is ${bytes.length} bytes, expected ${count * 4}`);
  const slots = new Int32Array(count);
  new Uint8Array(slots.buffer).set(bytes);
  return slots;
}

// ── vectors.bin ───────────────────────────────────────────────────────────────────────────────────

/**
 * Binary layout of `vectors.bin` (little-endian):
 *   8 bytes  magic "KZVECS01"
 *   4 bytes  uint32 length of the JSON header
 *   header   JSON {@link headerSchema}, then zero padding to a multiple of 4 bytes
 *   keys     count × 32 raw sha256 bytes, in row order
 *   vectors  count × dimensions float32
 * The header carries a sha256 of keys+vectors, so the file validates itself even without its manifest.
 */
const MAGIC = Buffer.from('KZVECS01', 'latin1');
const KEY_BYTES = 32;

const headerSchema = z.object({
  identity: z.object({
    id: z.string().min(1),
    dimensions: z.number().int().positive(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    fittedStateHash: z.string().optional(),
  }),
  count: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export function encodeVectorCache(cache: VectorCache): Buffer {
  return Buffer.concat([...vectorCacheParts(cache)]);
}

/**
 * `vectors.bin` as the consecutive parts of the file, the vectors as a view of the cache's own memory, or for a
 * spilled cache streamed from its file in 1 MB chunks: writing the parts one after another costs no copy (at
 * 100,000 passages a concatenated file would be 190 MB more). A spilled cache's rows are read twice (once for the
 * header's checksum, once to write them), from the page cache.
 */
export function* vectorCacheParts(cache: VectorCache): Generator<Buffer> {
  assertLittleEndian();
  const keys = cache.keys();
  const keyBytes = Buffer.alloc(keys.length * KEY_BYTES);
  keys.forEach((key, row) => keyBytes.write(key, row * KEY_BYTES, KEY_BYTES, 'hex'));
  const payload = createHash('sha256').update(keyBytes);
  for (const chunk of cache.rowChunks()) payload.update(chunk);
  const payloadSha256 = payload.digest('hex');
  const header = Buffer.from(
    JSON.stringify({ identity: cache.identity, count: keys.length, payloadSha256 }),
    'utf8',
  );
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + header.length) % 4)) % 4);
  yield* [MAGIC, headerLength, header, padding, keyBytes];
  yield* cache.rowChunks();
}

/**
 * Decodes `vectors.bin`. Returns undefined, before checking the payload, when `forIdentity` is given and the
 * vectors were made by a different embedder.
 * @throws Error naming the problem when the bytes are not a complete, intact cache.
 */
export function decodeVectorCache(bytes: Buffer, forIdentity?: EmbedderIdentity): VectorCache | undefined {
  assertLittleEndian();
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('not a Kizuna vector cache (bad magic)');
  }
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) throw new Error('vector cache header is truncated');
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)));
  } catch (error) {
    throw new Error(`vector cache header is invalid: ${(error as Error).message}`);
  }
  if (forIdentity !== undefined && !sameEmbedder(header.identity, forIdentity)) return undefined;
  const keysStart = headerStart + headerLength + ((4 - ((headerStart + headerLength) % 4)) % 4);
  const vectorsStart = keysStart + header.count * KEY_BYTES;
  const expectedLength = vectorsStart + header.count * header.identity.dimensions * 4;
  if (bytes.length !== expectedLength) {
    throw new Error(`vector cache is ${bytes.length} bytes, expected ${expectedLength}`);
  }
  const digest = createHash('sha256').update(bytes.subarray(keysStart)).digest('hex');
  if (digest !== header.payloadSha256) throw new Error('vector cache checksum mismatch');

  const keys = new Array<string>(header.count);
  for (let row = 0; row < header.count; row += 1) {
    keys[row] = bytes.toString('hex', keysStart + row * KEY_BYTES, keysStart + (row + 1) * KEY_BYTES);
  }
  const floats = header.count * header.identity.dimensions;
  // A buffer of its own (readFile's, for a file this size) is viewed in place: no second copy of the vectors.
  // Otherwise copy: a Float32Array needs 4-byte alignment and must not pin a pooled Buffer.
  const ownsMemory = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length;
  const data =
    ownsMemory && vectorsStart % 4 === 0
      ? new Float32Array(bytes.buffer, vectorsStart, floats)
      : new Float32Array(floats);
  if (data.buffer !== bytes.buffer) new Uint8Array(data.buffer).set(bytes.subarray(vectorsStart));
  return VectorCache.fromRows(header.identity, keys, data);
}

function assertLittleEndian(): void {
  // The file stores Float32Array memory as is; a big-endian host would need byte swapping we do not implement.
  if (endianness() !== 'LE') throw new Error('the vector cache format requires a little-endian host');
}

// ── passages.json ─────────────────────────────────────────────────────────────────────────────────

/**
 * `passages.json`: the indexed passages in label order, one JSON array per passage instead of an object, so
 * 100,000 passages parse quickly and HNSWLib's docstore only needs to hold ids.
 */
const FIELDS = ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'] as const;
const KINDS: ReadonlySet<string> = new Set<PassageKind>(['opening-quote', 'section-summary', 'bullet']);

const PASSAGES_HEAD = `{"fields":${JSON.stringify(FIELDS)},"rows":[`;
const PASSAGES_TAIL = ']}';

export function encodePassages(passages: readonly Passage[]): string {
  // The same text as JSON.stringify({ fields, rows }).
  return `${PASSAGES_HEAD}${passageRows(passages)}${PASSAGES_TAIL}`;
}

/** A passages.json as written: where it is, and its size and sha256, to check it before copying from it. */
interface WrittenPassagesFile extends FileDigest {
  readonly path: string;
}

/** Where one document's rows sit in the passages.json last written with them (byte offsets). */
interface WrittenRows {
  readonly passages: readonly Passage[];
  readonly file: WrittenPassagesFile;
  readonly start: number;
  readonly end: number;
}

/**
 * Keyed by a document's first passage object, for as long as the passages live: a reload that leaves a file
 * unchanged keeps its passage objects, so its rows are found here.
 */
const writtenRows = new WeakMap<Passage, WrittenRows>();

/** passages.json as consecutive parts, and how to remember where each document's rows went once it is published. */
export interface PassagesFileParts {
  /**
   * The file's bytes, one document's rows at a time, encoded as they are read (so a full save never holds the
   * whole file: 40 MB at 100,000 passages, which glibc kept after the save). Read it through once.
   */
  readonly parts: Iterable<Buffer>;
  /**
   * The contents of passages-layout.json for these parts.
   * @throws Error before `parts` has been read through.
   */
  readonly layout: () => string;
  /** Records that these parts now live, published, at `path` with `digest`. */
  readonly published: (path: string, digest: FileDigest) => void;
}

/**
 * The bytes of {@link encodePassages}, with each document's rows copied from the passages.json they were last
 * written to, when that file is still there with the size and sha256 it was written with; otherwise encoded.
 * An update of a large archive then encodes only the changed documents (encoding 100,000 passages takes
 * ~0.4 s; keeping every document's rows encoded in memory would take as much memory as the passages).
 */
export async function passagesFileParts(passages: readonly Passage[]): Promise<PassagesFileParts> {
  const runs: { start: number; end: number; from: WrittenRows | undefined }[] = [];
  const sources = new Map<string, WrittenPassagesFile>();
  forEachDocumentRun(passages, (start, end) => {
    const written = writtenRows.get(passages[start]!);
    const from =
      written !== undefined &&
      written.passages.length === end - start &&
      written.passages.every((passage, i) => passage === passages[start + i])
        ? written
        : undefined;
    if (from !== undefined) sources.set(from.file.path, from.file);
    runs.push({ start, end, from });
  });
  const readable = new Map<string, Buffer>();
  for (const file of sources.values()) {
    const bytes = await readFile(file.path).catch(() => undefined);
    if (
      bytes !== undefined &&
      bytes.length === file.bytes &&
      createHash('sha256').update(bytes).digest('hex') === file.sha256
    ) {
      readable.set(file.path, bytes);
    }
  }
  const placed: { start: number; end: number; offset: number; bytes: number }[] = [];
  let complete = false;
  function* parts(): Generator<Buffer> {
    const head = Buffer.from(PASSAGES_HEAD, 'utf8');
    const comma = Buffer.from(',', 'utf8');
    yield head;
    let offset = head.length;
    for (const [i, run] of runs.entries()) {
      if (i > 0) {
        yield comma;
        offset += comma.length;
      }
      const source = run.from === undefined ? undefined : readable.get(run.from.file.path);
      const part =
        source !== undefined && run.from !== undefined
          ? source.subarray(run.from.start, run.from.end)
          : Buffer.from(passageRows(passages.slice(run.start, run.end)), 'utf8');
      yield part;
      placed.push({ start: run.start, end: run.end, offset, bytes: part.length });
      offset += part.length;
    }
    yield Buffer.from(PASSAGES_TAIL, 'utf8');
    complete = true;
  }
  return {
    parts: parts(),
    layout: () => {
      if (!complete) throw new Error('passages.json has not been read through: its layout is not known yet');
      return passagesLayoutText(placed.map((run) => [run.end - run.start, run.offset, run.bytes]));
    },
    published: (path, digest) => rememberRuns(passages, placed, path, digest),
  };
}

/** One document's rows in passages.json: [passages, byte offset, bytes]. */
type LayoutRun = readonly [number, number, number];

/** passages-layout.json: `{"runs": [[passages, offset, bytes], …]}`, one entry per document run, in order. */
function passagesLayoutText(runs: readonly LayoutRun[]): string {
  return JSON.stringify({ runs });
}

/**
 * Remembers where each document's rows sit in a published passages.json (`path`, with `digest`), read from its
 * passages-layout.json, so the next save can copy them ({@link passagesFileParts}). A layout that does not fit
 * these passages or that file is ignored: it only saves work, and copied bytes are checked against the file's
 * digest first.
 */
export function rememberPassagesLayout(
  passages: readonly Passage[],
  path: string,
  digest: FileDigest,
  layoutText: string,
): void {
  let runs: unknown;
  try {
    runs = (JSON.parse(layoutText) as { runs?: unknown }).runs;
  } catch {
    return;
  }
  if (!Array.isArray(runs)) return;
  const placed: { start: number; end: number; offset: number; bytes: number }[] = [];
  let fits = true;
  let end = PASSAGES_HEAD.length;
  forEachDocumentRun(passages, (start, runEnd) => {
    const run: unknown = runs[placed.length];
    const [count, offset, bytes] = Array.isArray(run) ? (run as unknown[]) : [];
    if (
      !fits ||
      count !== runEnd - start ||
      !isCount(offset) ||
      !isCount(bytes) ||
      offset < end ||
      offset + bytes > digest.bytes
    ) {
      fits = false;
      return;
    }
    placed.push({ start, end: runEnd, offset, bytes });
    end = offset + bytes;
  });
  if (!fits || placed.length !== runs.length) return;
  rememberRuns(passages, placed, path, digest);
}

/** Where each document run's rows sit in the passages.json at `path`, for the next save to copy. */
function rememberRuns(
  passages: readonly Passage[],
  placed: readonly { start: number; end: number; offset: number; bytes: number }[],
  path: string,
  digest: FileDigest,
): void {
  const file: WrittenPassagesFile = { path, bytes: digest.bytes, sha256: digest.sha256 };
  for (const run of placed) {
    writtenRows.set(passages[run.start]!, {
      passages: passages.slice(run.start, run.end),
      file,
      start: run.offset,
      end: run.offset + run.bytes,
    });
  }
}

/**
 * Parses `passages.json`; throws an Error naming the first problem when it is not a valid passage list.
 * Checked by hand rather than with a schema: a schema costs about a second per 100,000 rows.
 */
export function decodePassages(text: string): Passage[] {
  const file: unknown = JSON.parse(text);
  const fields: unknown = isRecord(file) ? file.fields : undefined;
  const rows: unknown = isRecord(file) ? file.rows : undefined;
  if (!Array.isArray(fields) || !Array.isArray(rows)) {
    throw new Error('passages.json is invalid: expected { fields, rows }');
  }
  if (fields.length !== FIELDS.length || FIELDS.some((field, i) => fields[i] !== field)) {
    throw new Error(`passages.json is invalid: expected fields ${FIELDS.join(', ')}`);
  }
  return rows.map((row: unknown, index: number): Passage => {
    if (!Array.isArray(row) || row.length !== FIELDS.length) {
      throw new Error(`passages.json is invalid: row ${index} is not a ${FIELDS.length}-field array`);
    }
    const [id, documentId, section, kind, position, line, passageText] = row as unknown[];
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      typeof documentId !== 'string' ||
      typeof section !== 'string' ||
      typeof kind !== 'string' ||
      !KINDS.has(kind) ||
      !isCount(position) ||
      !isCount(line) ||
      typeof passageText !== 'string'
    ) {
      throw new Error(`passages.json is invalid: row ${index} has a field of the wrong type`);
    }
    return { id, documentId, section, kind: kind as PassageKind, position, line, text: passageText };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
