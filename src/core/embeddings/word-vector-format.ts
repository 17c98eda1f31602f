/**
 * The binary layout of Kizuna's compact word-vector table (written once by
 * `scripts/derive-word-vectors.ts`, read at start-up by `word-vector-table.ts`).
 *
 * Little-endian, offsets in bytes:
 * ```
 *  0  magic "KZWV"
 *  4  u32 format version (1)
 *  8  u32 count            words in the table
 * 12  u32 dimensions
 * 16  u32 wordsByteLength  length of the UTF-8 word list at the end
 * 20  u32 sourceVocabularySize  words in the source vocabulary the ranks refer to
 * 24  u32[count]  ranks    0-based frequency rank of each word in the source (lower = more frequent)
 *     f32[count]  scales   per-vector dequantisation factor
 *     i8[count × dimensions] vectors, row-major; value = i8 × scale (rows are unit length before quantising)
 *     UTF-8 words joined by "\n", in row order
 * ```
 * Rows are in rank order, so row index and rank order agree.
 */

/** "KZWV". */
export const WORD_VECTOR_MAGIC = 0x5657_5a4b;
export const WORD_VECTOR_FORMAT_VERSION = 1;
const HEADER_BYTES = 24;

/** The decoded contents of a table file; typed arrays are views on the file's bytes where alignment allows. */
export interface WordVectorTableData {
  readonly words: readonly string[];
  readonly dimensions: number;
  readonly sourceVocabularySize: number;
  readonly ranks: Uint32Array;
  readonly scales: Float32Array;
  readonly vectors: Int8Array;
}

/** Serialises a table; `vectors` holds `words.length × dimensions` quantised values. */
export function encodeWordVectorTable(table: WordVectorTableData): Buffer {
  const count = table.words.length;
  if (
    table.ranks.length !== count ||
    table.scales.length !== count ||
    table.vectors.length !== count * table.dimensions
  ) {
    throw new Error('word-vector table: ranks, scales and vectors must match the word count');
  }
  if (table.words.some((word) => word.length === 0 || word.includes('\n'))) {
    throw new Error('word-vector table: words must be non-empty and contain no newline');
  }
  const wordBytes = Buffer.from(table.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(WORD_VECTOR_MAGIC, 0);
  header.writeUInt32LE(WORD_VECTOR_FORMAT_VERSION, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(table.dimensions, 12);
  header.writeUInt32LE(wordBytes.length, 16);
  header.writeUInt32LE(table.sourceVocabularySize, 20);
  return Buffer.concat([
    header,
    Buffer.from(table.ranks.buffer, table.ranks.byteOffset, table.ranks.byteLength),
    Buffer.from(table.scales.buffer, table.scales.byteOffset, table.scales.byteLength),
    Buffer.from(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength),
    wordBytes,
  ]);
}

/** Parses a table file, refusing anything that is not exactly a version-1 table. */
export function decodeWordVectorTable(bytes: Uint8Array): WordVectorTableData {
  if (bytes.byteLength < HEADER_BYTES) throw new Error('word-vector table: file too short for its header');
  // Typed-array views need 4-byte alignment; copy in the rare case the buffer is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (view.getUint32(0, true) !== WORD_VECTOR_MAGIC) throw new Error('word-vector table: not a KZWV file');
  const version = view.getUint32(4, true);
  if (version !== WORD_VECTOR_FORMAT_VERSION)
    throw new Error(`word-vector table: unsupported format version ${version}`);
  const count = view.getUint32(8, true);
  const dimensions = view.getUint32(12, true);
  const wordsByteLength = view.getUint32(16, true);
  const sourceVocabularySize = view.getUint32(20, true);

  const ranksOffset = HEADER_BYTES;
  const scalesOffset = ranksOffset + count * 4;
  const vectorsOffset = scalesOffset + count * 4;
  const wordsOffset = vectorsOffset + count * dimensions;
  if (wordsOffset + wordsByteLength !== aligned.byteLength) {
    throw new Error('word-vector table: file length does not match its header');
  }
  const words = new TextDecoder('utf-8', { fatal: true })
    .decode(aligned.subarray(wordsOffset, wordsOffset + wordsByteLength))
    .split('\n');
  if (words.length !== count)
    throw new Error(`word-vector table: header says ${count} words, found ${words.length}`);
  return {
    words,
    dimensions,
    sourceVocabularySize,
    ranks: new Uint32Array(aligned.buffer, aligned.byteOffset + ranksOffset, count),
    scales: new Float32Array(aligned.buffer, aligned.byteOffset + scalesOffset, count),
    vectors: new Int8Array(aligned.buffer, aligned.byteOffset + vectorsOffset, count * dimensions),
  };
}
