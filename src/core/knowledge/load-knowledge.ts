import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { KnowledgeBase } from '../types.js';
import { KnowledgeError } from './knowledge-error.js';
import { parseKnowledgeFile, type ParsedKnowledgeFile } from './parse-knowledge-file.js';
import { readFilesTogether } from './read-files.js';

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
 * @param restore - for the files the cache lacks (name, sha256 of the bytes in hex), asked once with all of them:
 *   what each parsed to, in the same order, when an earlier process saved it (see `ParsedKnowledgeStore`), else
 *   undefined (the file is then parsed). Only used with a cache.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet, when a file is invalid,
 *   or when two files use the same document id (naming both).
 */
export async function loadKnowledge(
  dir: string,
  cache?: ParsedFileCache,
  restore?: RestoreParsedFiles,
): Promise<LoadedKnowledgeBase> {
  return (await readKnowledgeFolder(dir)).load(cache, restore);
}

/** What an earlier process saved of each file, looked up by name and sha256; see {@link loadKnowledge}. */
export type RestoreParsedFiles = (
  files: readonly { readonly name: string; readonly sha256: string }[],
) => Promise<readonly (ParsedKnowledgeFile | undefined)[]>;

/** A knowledge folder's files as read once: their fingerprint, and how to load exactly those bytes. */
export interface KnowledgeFolderRead {
  /** What {@link loadKnowledge} gives as the fingerprint of these files. */
  readonly fingerprint: string;
  /** {@link loadKnowledge} of these bytes (not read again: a reload that finds a change reads the folder once). */
  load(cache?: ParsedFileCache, restore?: RestoreParsedFiles): Promise<LoadedKnowledgeBase>;
}

/**
 * Reads the fact sheet files of `dir` and fingerprints them, without parsing anything.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet.
 */
export async function readKnowledgeFolder(dir: string): Promise<KnowledgeFolderRead> {
  const names = await listKnowledgeFiles(dir);
  // Read together (a large archive is a thousand small files), then hashed in name order.
  const contents = (await readFilesTogether(names.map((name) => join(dir, name)))) as Buffer[];
  const hash = createHash('sha256');
  names.forEach((name, i) => {
    const bytes = contents[i]!;
    // Name, length, then bytes: no two different folders can feed the hash the same stream.
    hash.update(`${name}\0${bytes.length}\0`, 'utf8').update(bytes);
  });
  const fingerprint = hash.digest('hex');
  return { fingerprint, load: (cache, restore) => parseFiles(names, contents, fingerprint, cache, restore) };
}

async function parseFiles(
  names: readonly string[],
  contents: readonly Buffer[],
  fingerprint: string,
  cache: ParsedFileCache | undefined,
  restore: RestoreParsedFiles | undefined,
): Promise<LoadedKnowledgeBase> {
  const parsedFiles: ParsedKnowledgeFile[] = [];
  const fileById = new Map<string, ParsedKnowledgeFile>();
  const seen = new Map<string, { sha256: string; parsed: ParsedKnowledgeFile }>();
  const hashes =
    cache === undefined ? [] : contents.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const restored = new Map<string, ParsedKnowledgeFile>();
  if (cache !== undefined && restore !== undefined) {
    const wanted = names
      .map((name, i) => ({ name, sha256: hashes[i]! }))
      .filter(({ name, sha256 }) => cache.get(name)?.sha256 !== sha256);
    if (wanted.length > 0) {
      const found = await restore(wanted);
      wanted.forEach(({ name }, i) => {
        if (found[i] !== undefined) restored.set(name, found[i]);
      });
    }
  }

  names.forEach((name, i) => {
    const bytes = contents[i]!;
    let parsed: ParsedKnowledgeFile;
    if (cache === undefined) parsed = parseKnowledgeFile(name, bytes);
    else {
      const sha256 = hashes[i]!;
      const known = cache.get(name);
      parsed =
        known?.sha256 === sha256 ? known.parsed : (restored.get(name) ?? parseKnowledgeFile(name, bytes));
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
    fingerprint,
  };
}

/**
 * The fingerprint {@link loadKnowledge} gives `dir`, without parsing anything: for telling cheaply whether a
 * reload has anything to do.
 * @throws KnowledgeError when the folder is missing or holds no fact sheet.
 */
export async function fingerprintKnowledge(dir: string): Promise<string> {
  return (await readKnowledgeFolder(dir)).fingerprint;
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
