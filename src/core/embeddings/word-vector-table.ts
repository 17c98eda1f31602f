import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { DEFAULT_WORD_VECTOR_TABLE_PATH } from './word-vector-files.js';
import { decodeWordVectorTable, type WordVectorTableData } from './word-vector-format.js';
import { cosineSimilarity } from './vector-math.js';

/**
 * Kizuna's compact English word vectors (100-d GloVe, int8-quantised, the most frequent ~50k words; see
 * `word-vectors/provenance.json`). Read-only and shared: loading takes a few milliseconds, so it can happen
 * at start-up without a download or a model server.
 *
 * Words are looked up exactly as `tokenize` produces them (lowercase, "f35", "usa").
 */
export class WordVectorTable {
  /** Number of words in the table. */
  readonly size: number;
  readonly dimensions: number;
  /** Size of the vocabulary the frequency ranks refer to (the source's, larger than the table). */
  readonly sourceVocabularySize: number;

  private readonly rowByWord: Map<string, number>;
  private readonly words: readonly string[];
  private readonly ranks: Uint32Array;
  private readonly scales: Float32Array;
  private readonly vectors: Int8Array;
  private cachedSha256: string | undefined;

  private constructor(
    data: WordVectorTableData,
    private readonly bytes: Uint8Array,
  ) {
    this.size = data.words.length;
    this.dimensions = data.dimensions;
    this.sourceVocabularySize = data.sourceVocabularySize;
    this.words = data.words;
    this.ranks = data.ranks;
    this.scales = data.scales;
    this.vectors = data.vectors;
    this.rowByWord = new Map();
    data.words.forEach((word, row) => this.rowByWord.set(word, row));
  }

  /** Reads a table file (default: the one shipped in `word-vectors/`). Throws when the file is not a valid table. */
  static load(path: string = DEFAULT_WORD_VECTOR_TABLE_PATH): WordVectorTable {
    return WordVectorTable.fromBytes(readFileSync(path));
  }

  /** Builds a table from a file's bytes (kept, not copied). */
  static fromBytes(bytes: Uint8Array): WordVectorTable {
    return new WordVectorTable(decodeWordVectorTable(bytes), bytes);
  }

  /** sha256 (hex) of the table file's bytes: the fitted state an index built with these vectors depends on. */
  get sha256(): string {
    // Computed on first use so that loading stays cheap for callers that never ask.
    this.cachedSha256 ??= createHash('sha256').update(this.bytes).digest('hex');
    return this.cachedSha256;
  }

  has(word: string): boolean {
    return this.rowByWord.has(word);
  }

  /** Row of a word, or -1. Rows are in frequency order: row 0 is the most frequent word. */
  rowOf(word: string): number {
    return this.rowByWord.get(word) ?? -1;
  }

  /** The word stored in a row. */
  wordAt(row: number): string {
    const word = this.words[row];
    if (word === undefined) throw new RangeError(`word-vector table has no row ${row}`);
    return word;
  }

  /**
   * 0-based frequency rank of a word in the source corpus vocabulary (0 = most frequent), or undefined when
   * the word is not in the table. Rarer words have higher ranks; useful as a fixed IDF-like prior.
   */
  rank(word: string): number | undefined {
    const row = this.rowByWord.get(word);
    return row === undefined ? undefined : this.ranks[row];
  }

  /** Frequency rank of the word in a row (see {@link rank}). */
  rankAt(row: number): number {
    const rank = this.ranks[row];
    if (rank === undefined) throw new RangeError(`word-vector table has no row ${row}`);
    return rank;
  }

  /** The word's (approximately unit-length) vector, as a new array, or undefined when the word is not in the table. */
  vector(word: string): Float32Array | undefined {
    const row = this.rowByWord.get(word);
    if (row === undefined) return undefined;
    const out = new Float32Array(this.dimensions);
    this.addRowTo(row, 1, out);
    return out;
  }

  /** Cosine similarity of two words' vectors, or undefined when either word is not in the table. */
  similarity(a: string, b: string): number | undefined {
    const rowA = this.rowByWord.get(a);
    const rowB = this.rowByWord.get(b);
    if (rowA === undefined || rowB === undefined) return undefined;
    const dims = this.dimensions;
    return cosineSimilarity(
      this.vectors.subarray(rowA * dims, (rowA + 1) * dims),
      this.vectors.subarray(rowB * dims, (rowB + 1) * dims),
    );
  }

  /** Adds `weight ×` the row's vector into `target[offset…offset+dimensions)`; the embedders' hot path. */
  addRowTo(row: number, weight: number, target: Float32Array, offset = 0): void {
    const dims = this.dimensions;
    const factor = weight * (this.scales[row] ?? 0);
    const vectors = this.vectors;
    const start = row * dims;
    for (let dim = 0; dim < dims; dim += 1) {
      target[offset + dim] = (target[offset + dim] ?? 0) + factor * (vectors[start + dim] ?? 0);
    }
  }
}

let defaultTable: WordVectorTable | undefined;

/** The shipped table, loaded once per process and shared. */
export function defaultWordVectorTable(): WordVectorTable {
  defaultTable ??= WordVectorTable.load();
  return defaultTable;
}
