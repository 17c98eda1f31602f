import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { KnowledgeError } from '../src/core/knowledge/knowledge-error.js';
import { listKnowledgeFiles } from '../src/core/knowledge/load-knowledge.js';
import { parseKnowledgeFile } from '../src/core/knowledge/parse-knowledge-file.js';
import type { KnowledgeBase } from '../src/core/types.js';

/** One knowledge file as bytes, named relative to its knowledge folder ("aliases/en.yaml" for one in a subfolder). */
export interface KnowledgeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The fact sheet files of a knowledge folder (as `loadKnowledge` would read them), in name order. */
export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFile[]> {
  const names = await listKnowledgeFiles(dir);
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

/**
 * The subfolders of a knowledge folder that the product reads beside the fact sheets (`createKizuna`'s lexicon):
 * the reviewed aliases (`aliases/*.yaml`, `loadAliases`) and the Japanese glossary (`glossary/ja.tsv`,
 * `loadGlossaryIfPresent`). They rewrite questions only (neither indexed nor fingerprinted), but without them the
 * bench would measure retrieval no user runs.
 */
export const LEXICON_FOLDERS: readonly string[] = ['aliases', 'glossary'];

/**
 * Every file of the lexicon folders of a knowledge folder, unchanged, named relative to it ("aliases/en.yaml"),
 * in name order: copied whole, the product's loaders pick what they read exactly as from the shipped folder.
 * A folder that is missing contributes nothing (the product then runs without it too).
 */
export async function readLexiconFiles(dir: string): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  for (const folder of LEXICON_FOLDERS) {
    let names: string[];
    try {
      names = (await readdir(join(dir, folder), { withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names) {
      files.push({ name: `${folder}/${name}`, bytes: await readFile(join(dir, folder, name)) });
    }
  }
  return files;
}

/** Writes knowledge files into `dir` (created if missing, subfolders too), so the real loaders can read them back. */
export async function writeKnowledgeFiles(dir: string, files: readonly KnowledgeFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of files) {
    const path = join(dir, file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
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
