import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { KnowledgeError } from '../src/core/knowledge/knowledge-error.js';
import { listKnowledgeFiles } from '../src/core/knowledge/load-knowledge.js';
import { parseKnowledgeFile } from '../src/core/knowledge/parse-knowledge-file.js';
import type { KnowledgeBase } from '../src/core/types.js';

/** One knowledge file as bytes, named relative to its knowledge folder. */
export interface KnowledgeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The fact sheet files of a knowledge folder (as `loadKnowledge` would read them), in name order. */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFile[]> {
  const names = await listKnowledgeFiles(dir);
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

/** Writes knowledge files into `dir` (created if missing), so the real loader can read them back. */
export async function writeKnowledgeFiles(dir: string, files: readonly KnowledgeFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(join(dir, file.name), file.bytes);
}

/**
 * Parses knowledge files in memory exactly as `loadKnowledge` parses a folder holding them: name order,
 * the same parser, the same fingerprint. (A test checks the two agree, so this cannot drift silently.)
 * @throws KnowledgeError for an invalid file or a document id used twice.
 */
export function parseKnowledgeFiles(files: readonly KnowledgeFile[]): KnowledgeBase {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const fingerprint = createHash('sha256');
  const seen = new Map<string, string>();
  const parsed = sorted.map((file) => {
    fingerprint.update(`${file.name}\0${file.bytes.length}\0`, 'utf8').update(file.bytes);
    const result = parseKnowledgeFile(file.name, file.bytes);
    const earlier = seen.get(result.document.id);
    if (earlier !== undefined) {
      throw new KnowledgeError(
        file.name,
        result.idLine,
        `document id "${result.document.id}" is already used by ${earlier}`,
      );
    }
    seen.set(result.document.id, file.name);
    return result;
  });
  return {
    documents: parsed.map((result) => result.document),
    passages: parsed.flatMap((result) => result.passages),
    quotations: parsed.flatMap((result) => result.quotations),
    fingerprint: fingerprint.digest('hex'),
  };
}
