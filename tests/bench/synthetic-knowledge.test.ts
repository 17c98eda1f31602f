import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  parseKnowledgeFiles,
  readKnowledgeFiles,
  writeKnowledgeFiles,
  type KnowledgeFile,
} from '../../bench/knowledge-files.js';
import { generateSyntheticKnowledge } from '../../bench/synthetic-knowledge.js';
import { sha256Hex, STABLE_ID_HASH_LENGTH } from '../../src/core/knowledge/stable-id.js';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge.js';
import type { KnowledgeBase } from '../../src/core/types.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

describe('generateSyntheticKnowledge', () => {
  let realFiles: KnowledgeFile[];
  let real: KnowledgeBase;
  let grown: ReturnType<typeof generateSyntheticKnowledge>;
  const SIZE = 1_500;

  beforeAll(async () => {
    realFiles = await readKnowledgeFiles(KNOWLEDGE_DIR);
    real = parseKnowledgeFiles(realFiles);
    grown = generateSyntheticKnowledge(realFiles, { passages: SIZE, seed: 7 });
  });

  const synthetic = () =>
    grown.knowledge.passages.filter((passage) => !real.passages.some((r) => r.id === passage.id));

  it('is deterministic: the same seed gives byte-identical files and the same passages', () => {
    const again = generateSyntheticKnowledge(realFiles, { passages: SIZE, seed: 7 });
    expect(again.files.map((file) => file.name)).toEqual(grown.files.map((file) => file.name));
    again.files.forEach((file, i) =>
      expect(Buffer.from(file.bytes).equals(Buffer.from(grown.files[i]!.bytes))).toBe(true),
    );
    expect(again.knowledge).toEqual(grown.knowledge);
  });

  it('gives different synthetic passages for a different seed', () => {
    const other = generateSyntheticKnowledge(realFiles, { passages: SIZE, seed: 8 });
    const texts = new Set(synthetic().map((passage) => passage.text));
    const shared = other.knowledge.passages
      .slice(real.passages.length)
      .filter((passage) => texts.has(passage.text));
    expect(shared.length).toBeLessThan(SIZE / 10);
  });

  it('includes every real passage, document and quotation unchanged', () => {
    for (const passage of real.passages) expect(grown.knowledge.passages).toContainEqual(passage);
    for (const document of real.documents) expect(grown.knowledge.documents).toContainEqual(document);
    for (const quotation of real.quotations) expect(grown.knowledge.quotations).toContainEqual(quotation);
    expect(grown.realPassages).toBe(real.passages.length);
  });

  it('produces exactly the requested number of passages, every id and every text distinct', () => {
    const { passages } = grown.knowledge;
    expect(passages).toHaveLength(SIZE);
    expect(new Set(passages.map((passage) => passage.id)).size).toBe(SIZE);
    expect(new Set(passages.map((passage) => passage.text)).size).toBe(SIZE);
  });

  it('gives every passage valid fields: its document, a kind, consecutive positions, a line, a text-hash id', () => {
    const documents = new Map(grown.knowledge.documents.map((document) => [document.id, document]));
    const nextPosition = new Map<string, number>();
    for (const passage of grown.knowledge.passages) {
      expect(documents.has(passage.documentId)).toBe(true);
      expect(['opening-quote', 'section-summary', 'bullet']).toContain(passage.kind);
      expect(passage.position).toBe(nextPosition.get(passage.documentId) ?? 0);
      nextPosition.set(passage.documentId, passage.position + 1);
      expect(passage.line).toBeGreaterThan(1);
      expect(passage.text.length).toBeGreaterThan(0);
      expect(passage.text).toBe(passage.text.trim());
      expect(passage.id).toBe(
        `${passage.documentId}#${sha256Hex(passage.text).slice(0, STABLE_ID_HASH_LENGTH)}`,
      );
      if (passage.kind !== 'opening-quote') expect(passage.section).not.toBe('');
    }
  });

  it('shapes synthetic sheets like the real ones: about 100 passages each, an opening quotation, then sections', () => {
    const sheets = grown.knowledge.documents.filter(
      (document) => !real.documents.some((r) => r.id === document.id),
    );
    expect(sheets.length).toBe(Math.round((SIZE - real.passages.length) / 100));
    for (const sheet of sheets) {
      const passages = grown.knowledge.passages.filter((passage) => passage.documentId === sheet.id);
      expect(passages[0]?.kind).toBe('opening-quote');
      expect(passages.filter((passage) => passage.kind === 'section-summary').length).toBeGreaterThanOrEqual(
        5,
      );
      expect(sheet.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(grown.knowledge.quotations.length).toBeGreaterThan(real.quotations.length);
  });

  it('is exactly what loadKnowledge reads back from the written files, fingerprint included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-synthetic-'));
    try {
      await writeKnowledgeFiles(dir, grown.files);
      expect(await loadKnowledge(dir)).toEqual(grown.knowledge);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("never restates a real sheet's fact: no synthetic passage names Japan, its leaders, the real President or 2017-2019", () => {
    const realFacts = /Japan|Tokyo|\bAbe\b|Trump|Reiwa|North Korea|Pyongyang|Toyota|F-35|\b201[789]\b/;
    const offending = synthetic().filter((passage) => realFacts.test(passage.text));
    expect(offending.map((passage) => passage.text)).toEqual([]);
  });

  it('rewrites real sentences rather than inventing text: synthetic passages share most of their words with the real ones', () => {
    const realWords = new Set(
      real.passages.flatMap((passage) => passage.text.toLowerCase().match(/[a-z]+/g) ?? []),
    );
    const words = synthetic().flatMap((passage) => passage.text.toLowerCase().match(/[a-z]+/g) ?? []);
    const shared = words.filter((word) => realWords.has(word)).length / words.length;
    expect(shared).toBeGreaterThan(0.8);
  });

  it('returns the real knowledge as it is when asked for exactly its size', () => {
    const same = generateSyntheticKnowledge(realFiles, { passages: real.passages.length });
    expect(same.knowledge).toEqual(real);
    expect(same.files).toHaveLength(realFiles.length);
  });

  it('refuses to make fewer passages than the real sheets already hold', () => {
    expect(() => generateSyntheticKnowledge(realFiles, { passages: real.passages.length - 1 })).toThrow(
      RangeError,
    );
  });
});
