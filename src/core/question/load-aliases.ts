import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { decodeUtf8 } from '../knowledge/decode-utf8.js';
import { KnowledgeError } from '../knowledge/knowledge-error.js';
import type { AliasTable } from './alias-table.js';
import { parseAliasDocument } from './parse-alias-file.js';

/**
 * Loads every alias file (`*.yaml`, `*.yml`) in `dir`, in name order, e.g. `knowledge/aliases`.
 * The folder is optional: a knowledge folder without one simply has no aliases.
 * @throws KnowledgeError naming the file and line of an invalid entry, or of an alias that another file
 *   already lists (naming both places).
 */
export async function loadAliases(dir: string): Promise<AliasTable> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    throw new KnowledgeError(dir, undefined, 'cannot read the alias folder', { cause: error });
  }

  const entries = [];
  const lists = [];
  const byAlias = new Map<string, { readonly file: string; readonly line: number }>();
  for (const name of names) {
    const text = decodeUtf8(name, await readFile(join(dir, name)));
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
