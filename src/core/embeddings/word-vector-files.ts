import { fileURLToPath } from 'node:url';

/** File name of the compact word-vector table inside {@link WORD_VECTOR_DIR}. */
export const WORD_VECTOR_TABLE_FILE = 'word-vectors.kzwv';
/** File name of the table's provenance record (source, licence, command, sha256). */
export const WORD_VECTOR_PROVENANCE_FILE = 'provenance.json';
/** The folder shipped with the code that holds the default table. */
export const WORD_VECTOR_DIR = fileURLToPath(new URL('./word-vectors/', import.meta.url));
/** Path of the default table. */
export const DEFAULT_WORD_VECTOR_TABLE_PATH = fileURLToPath(
  new URL(`./word-vectors/${WORD_VECTOR_TABLE_FILE}`, import.meta.url),
);
