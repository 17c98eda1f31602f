import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { decodeUtf8 } from '../knowledge/decode-utf8.js';
import { KnowledgeError } from '../knowledge/knowledge-error.js';
import type { Glossary } from './glossary.js';
import { parseGlossary } from './parse-glossary.js';

/**
 * Where the Japanese glossary lives, relative to the knowledge folder. It sits in a subfolder because the
 * knowledge loader reads every `*.md` directly in the folder as a fact sheet (and fingerprints only those):
 * the glossary is neither indexed nor part of the index fingerprint, since it only rewrites questions.
 */
export const JAPANESE_GLOSSARY_PATH = 'glossary/ja.tsv';

/**
 * Reads and validates the Japanese glossary of a knowledge folder.
 * @param knowledgeDir the knowledge folder (`KNOWLEDGE_DIR`, default `knowledge`).
 * @throws KnowledgeError naming `glossary/ja.tsv` (and the line) when it is missing, not UTF-8 or broken
 *   (see {@link parseGlossary}).
 */
export async function loadGlossary(
  knowledgeDir: string,
  relativePath: string = JAPANESE_GLOSSARY_PATH,
): Promise<Glossary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(knowledgeDir, relativePath));
  } catch (error) {
    throw new KnowledgeError(relativePath, undefined, 'cannot read the glossary (does it exist?)', {
      cause: error,
    });
  }
  return parseGlossaryBytes(relativePath, bytes);
}

/**
 * The glossary file's bytes, or undefined when the knowledge folder has none (as {@link loadGlossaryIfPresent}
 * decides), without parsing them: for telling whether it changed since it was last parsed.
 * @throws KnowledgeError when the file exists but cannot be read.
 */
export async function readGlossaryBytesIfPresent(
  knowledgeDir: string,
  relativePath: string = JAPANESE_GLOSSARY_PATH,
): Promise<Buffer | undefined> {
  try {
    await access(join(knowledgeDir, relativePath));
  } catch {
    return undefined;
  }
  try {
    return await readFile(join(knowledgeDir, relativePath));
  } catch (error) {
    throw new KnowledgeError(relativePath, undefined, 'cannot read the glossary (does it exist?)', {
      cause: error,
    });
  }
}

/** The glossary of bytes read by {@link readGlossaryBytesIfPresent}; @throws KnowledgeError as {@link loadGlossary}. */
export function parseGlossaryBytes(relativePath: string, bytes: Buffer): Glossary {
  return parseGlossary(relativePath, decodeUtf8(relativePath, bytes));
}

/**
 * {@link loadGlossary}, or undefined when the knowledge folder has no glossary file at all (a folder of
 * English sheets only). A glossary that exists but is broken still throws.
 */
export async function loadGlossaryIfPresent(
  knowledgeDir: string,
  relativePath: string = JAPANESE_GLOSSARY_PATH,
): Promise<Glossary | undefined> {
  try {
    await access(join(knowledgeDir, relativePath));
  } catch {
    return undefined;
  }
  return loadGlossary(knowledgeDir, relativePath);
}
