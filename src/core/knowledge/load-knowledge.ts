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
 * What a process remembers of the files it parsed, so a reload parses only the files that changed: file name →
 * sha256 of its bytes and what they parsed to. Create one with `new Map()` and pass it to every
 * {@link loadKnowledge} of the same folder; an unchanged file's passages are then the very same objects.
 */
export type ParsedFileCache = Map<string, { readonly sha256: string; readonly parsed: ParsedKnowledgeFile }>;

/**
 * Loads every fact sheet in `dir`: each `*.md` file directly in it except README.md, in name order.
 * The fingerprint is sha256 (hex) over each file's name and bytes in that order, so any change to any
 * byte, a rename, an addition or a removal changes it.
 * @param cache - files parsed by an earlier load (see {@link ParsedFileCache}); updated to this load's files.
 * @param restore - for a file the cache lacks: what the file of this name whose bytes hash to this sha256 (hex)
 *   parsed to, when it was saved by an earlier process (see `ParsedKnowledgeStore`), else undefined (it is then
 *   parsed). Only used with a cache.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet, when a file is invalid,
 *   or when two files use the same document id (naming both).
 */
export async function loadKnowledge(
  dir: string,
  cache?: ParsedFileCache,
  restore?: (name: string, sha256: string) => Promise<ParsedKnowledgeFile | undefined>,
): Promise<LoadedKnowledgeBase> {
  const names = await listKnowledgeFiles(dir);
  const fingerprint = createHash('sha256');
  const parsedFiles: ParsedKnowledgeFile[] = [];
  const fileById = new Map<string, ParsedKnowledgeFile>();
  // Read concurrently (a large archive is a thousand small files), then hashed and parsed in name order.
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  const seen = new Map<string, { sha256: string; parsed: ParsedKnowledgeFile }>();
  const hashes =
    cache === undefined ? [] : contents.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const restored =
    cache === undefined || restore === undefined
      ? []
      : await Promise.all(
          names.map((name, i) =>
            cache.get(name)?.sha256 === hashes[i]
              ? Promise.resolve(undefined)
              : restore(name, hashes[i]!),
          ),
        );

  names.forEach((name, i) => {
    const bytes = contents[i]!;
    // Name, length, then bytes: no two different folders can feed the hash the same stream.
    fingerprint.update(`${name}\0${bytes.length}\0`, 'utf8').update(bytes);
    let parsed: ParsedKnowledgeFile;
    if (cache === undefined) parsed = parseKnowledgeFile(name, bytes);
    else {
      const sha256 = hashes[i]!;
      const known = cache.get(name);
      parsed =
        known?.sha256 === sha256 ? known.parsed : (restored[i] ?? parseKnowledgeFile(name, bytes));
      seen.set(name, { sha256, parsed });
    }
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
  });
  if (cache !== undefined) {
    // Only a load that succeeded replaces what is remembered (a failed reload keeps the serving files').
    cache.clear();
    for (const [name, entry] of seen) cache.set(name, entry);
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
