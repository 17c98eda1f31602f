import { createHash } from 'node:crypto';
import { join } from 'node:path';

import {
  JAPANESE_GLOSSARY_PATH,
  parseGlossaryBytes,
  readGlossaryBytesIfPresent,
} from '../language/load-glossary.js';
import { parseAliasFiles, readAliasFiles, type AliasFile } from '../question/load-aliases.js';
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js';

/**
 * Loads the lexicon of a knowledge folder (`aliases/*.yaml`, `glossary/ja.tsv`) on every call, parsing it only
 * when its files changed: the files are read and hashed (names, sizes, sha256 of the bytes, as the fact sheets
 * are fingerprinted), and while the hash is the one last parsed the very same {@link Lexicon} object is returned.
 * Parsing the alias YAML took 50–100 ms of every reload; reading and hashing ~80 KB takes about one.
 * A load that throws (a broken file) remembers nothing, so the next call parses again and throws again.
 */
export function createLexiconLoader(knowledgeDir: string): () => Promise<Lexicon> {
  let last: Lexicon | undefined;
  return async () => {
    const aliasFiles = await readAliasFiles(join(knowledgeDir, 'aliases'));
    const glossaryBytes = await readGlossaryBytesIfPresent(knowledgeDir);
    const fingerprint = lexiconFingerprint(aliasFiles, glossaryBytes);
    if (last?.fingerprint === fingerprint) return last;
    const lexicon: Lexicon = {
      aliases: aliasFiles === undefined ? { entries: [] } : parseAliasFiles(aliasFiles),
      // A knowledge folder without a Japanese glossary answers English questions only.
      glossary:
        glossaryBytes === undefined
          ? EMPTY_LEXICON.glossary
          : parseGlossaryBytes(JAPANESE_GLOSSARY_PATH, glossaryBytes),
      fingerprint,
    };
    last = lexicon;
    return lexicon;
  };
}

/**
 * sha256 (hex) over the alias files' names, lengths and bytes in name order, then the glossary's length and
 * bytes; a missing alias folder and a missing glossary are each marked, so every difference a parse could see
 * changes it.
 */
export function lexiconFingerprint(
  aliasFiles: readonly AliasFile[] | undefined,
  glossaryBytes: Buffer | undefined,
): string {
  const hash = createHash('sha256');
  if (aliasFiles === undefined) hash.update('aliases:none\0');
  else {
    hash.update(`aliases:${aliasFiles.length}\0`);
    for (const { name, bytes } of aliasFiles) hash.update(`${name}\0${bytes.length}\0`, 'utf8').update(bytes);
  }
  if (glossaryBytes === undefined) hash.update('glossary:none\0');
  else hash.update(`glossary:${glossaryBytes.length}\0`).update(glossaryBytes);
  return hash.digest('hex');
}
