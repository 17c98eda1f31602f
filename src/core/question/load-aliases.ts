import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { decodeUtf8 } from '../knowledge/decode-utf8.js';
import { KnowledgeError } from '../knowledge/knowledge-error.js';
import type { AliasTable } from './alias-table.js';
import { parseAliasDocument } from './parse-alias-file.js';

/** One alias file as read from disk, not yet parsed. */
export interface AliasFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Loads every alias file (`*.yaml`, `*.yml`) in `dir`, in name order, e.g. `knowledge/aliases`.
 * The folder is optional: a knowledge folder without one simply has no aliases.
 * @throws KnowledgeError naming the file and line of an invalid entry, or of an alias that another file
 *   already lists (naming both places).
 */
export async function loadAliases(dir: string): Promise<AliasTable> {
  const files = await readAliasFiles(dir);
  return files === undefined ? { entries: [] } : parseAliasFiles(files);
}

/**
 * The alias files of `dir` (`*.yaml`, `*.yml`) and their bytes, in name order, without parsing them: an empty
 * undefined when the folder does not exist.
 * @throws KnowledgeError when the folder exists but cannot be read.
 */
export async function readAliasFiles(dir: string): Promise<AliasFile[] | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KnowledgeError(dir, undefined, 'cannot read the alias folder', { cause: error });
  }
  const files: AliasFile[] = [];
  for (const name of names) files.push({ name, bytes: await readFile(join(dir, name)) });
  return files;
}

/**
 * The alias table of files read by {@link readAliasFiles}, in their order.
 * @throws KnowledgeError as {@link loadAliases}.
 */
export function parseAliasFiles(files: readonly AliasFile[]): AliasTable {
  const entries = [];
  const lists = [];
  const byAlias = new Map<string, { readonly file: string; readonly line: number }>();
  for (const { name, bytes } of files) {
    const text = decodeUtf8(name, bytes);
    const parsed = parseAliasDocument(name, text);
    lists.push(...parsed.lists);
    for (const entry of parsed.entries) {
      const key = entry.alias.toLowerCase();
      const earlier = byAlias.get(key);
      if (earlier !== undefined) {
        throw new KnowledgeError(
          name,
          entry.line,
          `alias "${entry.alias}" is already listed in ${earlier.file}:${earlier.line}`,
        );
      }
      byAlias.set(key, entry);
      entries.push(entry);
    }
  }
  return { entries, lists };
}
