import { describe, expect, it } from 'vitest';

import {
  decodeWordVectorTable,
  encodeWordVectorTable,
} from '../../../src/core/embeddings/word-vector-format.js';
import { WordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';

function tinyTable(): Buffer {
  return encodeWordVectorTable({
    words: ['alpha', 'beta', 'gamma'],
    dimensions: 2,
    sourceVocabularySize: 1000,
    ranks: Uint32Array.from([3, 10, 400]),
    scales: Float32Array.from([1 / 127, 1 / 127, 1 / 127]),
    vectors: Int8Array.from([127, 0, 90, 90, 0, -127]),
  });
}

describe('word-vector table format', () => {
  it('round-trips words, ranks, scales and vectors', () => {
    const decoded = decodeWordVectorTable(tinyTable());
    expect(decoded.words).toEqual(['alpha', 'beta', 'gamma']);
    expect(decoded.dimensions).toBe(2);
    expect(decoded.sourceVocabularySize).toBe(1000);
    expect([...decoded.ranks]).toEqual([3, 10, 400]);
    expect([...decoded.vectors]).toEqual([127, 0, 90, 90, 0, -127]);
  });

  it('serves lookups, ranks and cosine similarities from a table', () => {
    const table = WordVectorTable.fromBytes(tinyTable());
    expect(table.rank('gamma')).toBe(400);
    expect(table.similarity('alpha', 'beta')).toBeCloseTo(Math.SQRT1_2, 5);
    expect(table.similarity('alpha', 'gamma')).toBeCloseTo(0, 5);
    const target = new Float32Array(4);
    table.addRowTo(table.rowOf('gamma'), 2, target, 2);
    expect([...target]).toEqual([0, 0, 0, -2]);
  });

  it('refuses a file that is not a table, is truncated or has a different version', () => {
    const bytes = tinyTable();
    expect(() => decodeWordVectorTable(Buffer.from('not a table at all, clearly'))).toThrow(/KZWV/);
    expect(() => decodeWordVectorTable(bytes.subarray(0, bytes.length - 1))).toThrow(/length/);
    const otherVersion = Buffer.from(bytes);
    otherVersion.writeUInt32LE(2, 4);
    expect(() => decodeWordVectorTable(otherVersion)).toThrow(/version 2/);
  });

  it('refuses to write words that would break the word list', () => {
    expect(() =>
      encodeWordVectorTable({
        words: ['a\nb'],
        dimensions: 1,
        sourceVocabularySize: 1,
        ranks: Uint32Array.from([0]),
        scales: Float32Array.from([1]),
        vectors: Int8Array.from([1]),
      }),
    ).toThrow(/newline/);
  });
});
