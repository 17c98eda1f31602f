import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { KnowledgeBase } from '../types.js';
import { KnowledgeError } from './knowledge-error.js';
import { parseKnowledgeFile, type ParsedKnowledgeFile } from './parse-knowledge-file.js';

/** A knowledge base whose documents also say whether their titles are the original ones. */
export interface LoadedKnowledgeBase extends KnowledgeBase {
  readonly documents: readonly ParsedKnowledgeFile['document'][];
}

/**
 * Loads every fact sheet in `dir`: each `*.md` file directly in it except README.md, in name order.
 * The fingerprint is sha256 (hex) over each file's name and bytes in that order, so any change to any
 * byte, a rename, an addition or a removal changes it.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet, when a file is invalid,
 *   or when two files use the same document id (naming both).
 */
export async function loadKnowledge(dir: string): Promise<LoadedKnowledgeBase> {
  const names = await listKnowledgeFiles(dir);
  const fingerprint = createHash('sha256');
  const parsedFiles: ParsedKnowledgeFile[] = [];
  const fileById = new Map<string, ParsedKnowledgeFile>();

  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    // Name, length, then bytes: no two different folders can feed the hash the same stream.
    fingerprint.update(`${name}\0${bytes.length}\0`, 'utf8').update(bytes);
    const parsed = parseKnowledgeFile(name, bytes);
    const earlier = fileById.get(parsed.document.id);
    if (earlier !== undefined) {
      throw new KnowledgeError(
        name,
        parsed.idLine,
        `document id "${parsed.document.id}" is already used by ${earlier.document.file}:${earlier.idLine}; every fact sheet needs its own id`,
      );
    }
    fileById.set(parsed.document.id, parsed);
    parsedFiles.push(parsed);
  }

  return {
    documents: parsedFiles.map((parsed) => parsed.document),
    passages: parsedFiles.flatMap((parsed) => parsed.passages),
    quotations: parsedFiles.flatMap((parsed) => parsed.quotations),
    fingerprint: fingerprint.digest('hex'),
  };
}

/**
 * The fingerprint {@link loadKnowledge} gives `dir`, without parsing anything: for telling cheaply whether a
 * reload has anything to do.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet.
 */
export async function fingerprintKnowledge(dir: string): Promise<string> {
  const names = await listKnowledgeFiles(dir);
  const fingerprint = createHash('sha256');
  // Read concurrently (a thousand small files), hashed in name order.
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  names.forEach((name, i) => {
    const bytes = contents[i]!;
    fingerprint.update(`${name}\0${bytes.length}\0`, 'utf8').update(bytes);
  });
  return fingerprint.digest('hex');
}

/** The fact sheet files of a knowledge folder, sorted by name (code-unit order, independent of locale). */
export async function listKnowledgeFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new KnowledgeError(dir, undefined, 'cannot read the knowledge folder (does it exist?)', {
      cause: error,
    });
  }
  const names = entries
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.toLowerCase().endsWith('.md') &&
        entry.name.toLowerCase() !== 'readme.md',
    )
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) {
    throw new KnowledgeError(
      dir,
      undefined,
      'the knowledge folder holds no fact sheet (*.md files other than README.md)',
    );
  }
  return names;
}
