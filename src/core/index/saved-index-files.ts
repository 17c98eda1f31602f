import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { Passage } from '../types.js';
import type { IndexManifest, IndexManifestIdentity } from './index-manifest.js';
import { encodePassages } from './passages-file.js';
import { decodeVectorCache, encodeVectorCache } from './vector-cache-file.js';
import type { VectorCache } from './vector-cache.js';

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
