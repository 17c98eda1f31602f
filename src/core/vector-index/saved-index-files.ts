import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Passage } from '../types.js';
import { readCurrentGeneration } from './generation-store.js';
import {
  INDEX_FORMAT_VERSION,
  parseIndexManifest,
  type IndexManifest,
  type IndexManifestIdentity,
} from './index-manifest.js';
import { encodePassages } from './passages-file.js';
import { SavedIndexUnusableError } from './saved-index-unusable-error.js';
import { decodeVectorCache, encodeVectorCache } from './vector-cache-file.js';
import { VectorCache } from './vector-cache.js';

/** The files of one saved generation. The first three are HNSWLib's own `save` output. */
export const INDEX_FILES = {
  hnswIndex: 'hnswlib.index',
  hnswArgs: 'args.json',
  docstore: 'docstore.json',
  passages: 'passages.json',
  vectors: 'vectors.bin',
  manifest: 'manifest.json',
} as const;

/** Files every manifest must list; `manifest.json` itself is not listed. */
export const REQUIRED_FILES: readonly string[] = [
  INDEX_FILES.hnswIndex,
  INDEX_FILES.hnswArgs,
  INDEX_FILES.docstore,
  INDEX_FILES.passages,
  INDEX_FILES.vectors,
];

export interface GenerationContents {
  readonly store: HNSWLib;
  readonly passages: readonly Passage[];
  readonly vectorCache: VectorCache;
  readonly identity: IndexManifestIdentity;
}

/**
 * Writes a complete generation into an empty folder; `manifest.json` goes last and lists every other file's
 * size and sha256, so a folder without a valid manifest is never mistaken for an index.
 */
export async function writeGenerationFiles(
  folder: string,
  contents: GenerationContents,
): Promise<IndexManifest> {
  await contents.store.save(folder);
  const written = new Map<string, Buffer | string>([
    [INDEX_FILES.passages, encodePassages(contents.passages)],
    [INDEX_FILES.vectors, encodeVectorCache(contents.vectorCache)],
  ]);
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const [name, data] of written) {
    await writeFile(join(folder, name), data);
    files[name] = digestBytes(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  for (const name of [INDEX_FILES.hnswIndex, INDEX_FILES.hnswArgs, INDEX_FILES.docstore]) {
    files[name] = await digestFile(join(folder, name));
  }
  const manifest: IndexManifest = { ...contents.identity, files, createdAt: new Date().toISOString() };
  await writeFile(join(folder, INDEX_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

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
    const path = join(folder, name);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
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
 * Reads a generation's vector cache for reuse. Returns undefined (never throws) when the file is missing,
 * damaged or made by another embedder: the caller then simply embeds again.
 */
export async function readGenerationVectorCache(
  folder: string,
  identity: EmbedderIdentity,
): Promise<{ readonly cache?: VectorCache; readonly problem?: string }> {
  try {
    const cache = decodeVectorCache(await readFile(join(folder, INDEX_FILES.vectors)), identity);
    return cache === undefined ? { problem: 'made by another embedder' } : { cache };
  } catch (error) {
    return { problem: (error as Error).message };
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

function digestBytes(bytes: Buffer): { bytes: number; sha256: string } {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function digestFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
