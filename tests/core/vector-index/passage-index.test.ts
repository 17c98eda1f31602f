import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { PassageIndex, SavedIndexUnusableError } from '../../../src/core/vector-index/passage-index.js';
import { makeTempDir, samplePassages, sampleTexts } from './index-test-support.js';
import { WordHashEmbeddings } from './word-hash-embeddings.js';

describe('PassageIndex', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it('finds the passage whose words a query shares, best first, with cosine similarity scores', async () => {
    const passages = samplePassages();
    const index = await PassageIndex.build(passages, new WordHashEmbeddings());
    for (const target of [passages[1]!, passages[3]!, passages[6]!]) {
      const query = target.text.split(' ').slice(2, 9).join(' ');
      const hits = await index.search(query, 3);
      expect(hits[0]!.passage).toEqual(target);
      expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
      for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual(-1.0001);
    }
  });

  it('scores a passage searched by its own vector as a perfect match (similarity 1)', async () => {
    const embeddings = new WordHashEmbeddings();
    const passages = samplePassages();
    const index = await PassageIndex.build(passages, embeddings);
    const [hit] = index.searchByVector(embeddings.embed(passages[4]!.text), 1);
    expect(hit!.passage.id).toBe(passages[4]!.id);
    expect(hit!.score).toBeCloseTo(1, 5);
  });

  it('returns every passage when k exceeds the size, and nothing for k ≤ 0', async () => {
    const embeddings = new WordHashEmbeddings();
    const index = await PassageIndex.build(samplePassages(), embeddings);
    const query = embeddings.embed('energy security');
    expect(index.searchByVector(query, 1000)).toHaveLength(index.size);
    expect(new Set(index.searchByVector(query, 1000).map((hit) => hit.passage.id)).size).toBe(index.size);
    expect(index.searchByVector(query, 0)).toEqual([]);
    expect(index.searchByVector(query, -3)).toEqual([]);
  });

  it('GIVEN passages found another way THEN similarityTo gives the cosine the graph search gives them, NaN for one it does not hold', async () => {
    const embeddings = new WordHashEmbeddings();
    const passages = samplePassages().map((passage, i) =>
      i < 5 ? passage : { ...passage, documentId: 'other', position: i - 5 },
    );
    const index = await PassageIndex.build(passages, embeddings);
    const query = embeddings.embed('energy security and natural gas exports');
    const byId = new Map(
      index.searchByVector(query, passages.length).map((hit) => [hit.passage.id, hit.score]),
    );
    const asked = [
      passages[6]!,
      passages[2]!,
      // A copy of a passage, and one whose position says nothing about where it sits: both found by id.
      { ...passages[8]! },
      { ...passages[3]!, position: 40 },
      { ...passages[1]!, id: 'sheet#missing' },
    ];
    const scores = index.similarityTo(query, asked);
    for (const [i, passage] of asked.slice(0, 4).entries())
      expect(scores[i]).toBeCloseTo(byId.get(passage.id)!, 5);
    expect(scores[4]).toBeNaN();
  });

  it('rejects a query vector of the wrong dimensionality with a clear error', async () => {
    const index = await PassageIndex.build(samplePassages(), new WordHashEmbeddings());
    expect(() => index.searchByVector([1, 2, 3], 2)).toThrowError(/3 dimensions, the index holds 32/);
  });

  it('refuses to build from zero passages with a KNOWLEDGE_INVALID error', async () => {
    const build = PassageIndex.build([], new WordHashEmbeddings());
    await expect(build).rejects.toBeInstanceOf(KizunaError);
    await expect(build).rejects.toMatchObject({ code: 'KNOWLEDGE_INVALID' });
  });

  it('refuses vectors whose length contradicts what the embedder says about itself', async () => {
    const liar = new WordHashEmbeddings({ dimensions: 16 });
    liar.embed = () => new Array<number>(32).fill(1);
    await expect(PassageIndex.build(samplePassages(), liar)).rejects.toThrowError(
      /32-dimensional.*16-dimensional/,
    );
  });

  it.each([NaN, Infinity, -Infinity])('refuses an embedder vector containing %s', async (bad) => {
    const broken = new WordHashEmbeddings();
    const embed = broken.embed.bind(broken);
    broken.embed = (text) => embed(text).map((value, i) => (i === 5 ? bad : value));
    await expect(PassageIndex.build(samplePassages(), broken)).rejects.toThrowError(/NaN or Infinity/);
  });

  it('reports progress from 0 to the total, once per batch', async () => {
    const progress: Array<[number, number]> = [];
    await PassageIndex.build(samplePassages(), new WordHashEmbeddings(), {
      batchSize: 5,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 12],
      [5, 12],
      [10, 12],
      [12, 12],
    ]);
  });

  it('embeds each distinct text once, and nothing that a vector cache already holds', async () => {
    const passages = samplePassages();
    const first = new WordHashEmbeddings();
    const original = await PassageIndex.build(passages, first, { batchSize: 4 });
    expect(first.documentsEmbedded).toBe(passages.length);
    expect(original.counts).toEqual({ embedded: passages.length, reused: 0 });

    const texts = sampleTexts();
    texts[7] = 'An entirely new passage about fisheries and ocean conservation.';
    const second = new WordHashEmbeddings();
    const rebuilt = await PassageIndex.build(samplePassages(texts), second, {
      vectorCache: await original.vectorCache(),
    });
    expect(second.documentCalls).toEqual([[texts[7]]]);
    expect(rebuilt.counts).toEqual({ embedded: 1, reused: passages.length - 1 });
  });

  it('makes the same graph from cached vectors as from freshly embedded ones', async () => {
    const embeddings = new WordHashEmbeddings();
    const fresh = await PassageIndex.build(samplePassages(), embeddings);
    const cached = await PassageIndex.build(samplePassages(), new WordHashEmbeddings(), {
      vectorCache: await fresh.vectorCache(),
    });
    for (const query of ['trade tariffs beef', 'missile defense deterrence', 'universities exchange']) {
      const vector = embeddings.embed(query);
      expect(cached.searchByVector(vector, 12)).toEqual(fresh.searchByVector(vector, 12));
    }
  });

  it('embeds a text that occurs twice only once, and finds both passages', async () => {
    const [first, second] = samplePassages();
    const twin = { ...second!, id: 'other-sheet#0', documentId: 'other-sheet', text: first!.text };
    const embeddings = new WordHashEmbeddings();
    const index = await PassageIndex.build([first!, second!, twin], embeddings);
    expect(embeddings.documentsEmbedded).toBe(2);
    const hits = await index.search(first!.text, 2);
    expect(hits.map((hit) => hit.passage.id).sort()).toEqual([first!.id, twin.id].sort());
  });

  it('ignores a vector cache made by a different embedder', async () => {
    const original = await PassageIndex.build(samplePassages(), new WordHashEmbeddings());
    const other = new WordHashEmbeddings({ params: { salt: 1 } });
    const rebuilt = await PassageIndex.build(samplePassages(), other, {
      vectorCache: await original.vectorCache(),
    });
    expect(other.documentsEmbedded).toBe(12);
    expect(rebuilt.counts.reused).toBe(0);
  });

  it('gives identical results after save and load, without embedding anything', async () => {
    const embeddings = new WordHashEmbeddings();
    const passages = samplePassages();
    const built = await PassageIndex.build(passages, embeddings, { knowledgeFingerprint: 'abc' });
    await built.save(dir);
    const reader = new WordHashEmbeddings();
    const loaded = await PassageIndex.load(dir, reader);
    expect(reader.documentsEmbedded).toBe(0);
    expect(loaded.passages).toEqual(passages);
    expect(loaded.knowledgeFingerprint).toBe('abc');
    for (const query of [
      'natural gas energy',
      'Moon astronauts',
      'tariffs on beef',
      'typhoons and earthquakes',
    ]) {
      const vector = embeddings.embed(query);
      expect(loaded.searchByVector(vector, 5)).toEqual(built.searchByVector(vector, 5));
    }
  });

  it('loads with the caller’s passages when they are exactly the indexed ones, and refuses others', async () => {
    const passages = samplePassages();
    await (await PassageIndex.build(passages, new WordHashEmbeddings())).save(dir);
    const loaded = await PassageIndex.load(dir, new WordHashEmbeddings(), passages);
    expect(loaded.passages).toEqual(passages);
    const changed = samplePassages(sampleTexts().map((text, i) => (i === 0 ? `${text} Revised.` : text)));
    await expect(PassageIndex.load(dir, new WordHashEmbeddings(), changed)).rejects.toMatchObject({
      reason: 'knowledge changed',
    });
  });

  it('refuses to load vectors made by a different embedder', async () => {
    await (await PassageIndex.build(samplePassages(), new WordHashEmbeddings())).save(dir);
    const load = PassageIndex.load(dir, new WordHashEmbeddings({ id: 'other@2', dimensions: 64 }));
    await expect(load).rejects.toBeInstanceOf(SavedIndexUnusableError);
    await expect(load).rejects.toMatchObject({
      reason: 'embedder changed: test-word-hash@1 → other@2 (dimensions 32 → 64)',
    });
  });

  it('can save a loaded index again, elsewhere, and load that copy', async () => {
    const embeddings = new WordHashEmbeddings();
    await (await PassageIndex.build(samplePassages(), embeddings)).save(join(dir, 'a'));
    const loaded = await PassageIndex.load(join(dir, 'a'), embeddings);
    await loaded.save(join(dir, 'b'));
    const copy = await PassageIndex.load(join(dir, 'b'), embeddings);
    const query = embeddings.embed('cybersecurity hackers infrastructure');
    expect(copy.searchByVector(query, 3)).toEqual(loaded.searchByVector(query, 3));
    expect((await copy.vectorCache()).size).toBe(12);
  });

  it('finds the saved vectors in the live generation when its own was replaced by another process', async () => {
    const embeddings = new WordHashEmbeddings();
    await (await PassageIndex.build(samplePassages(), embeddings)).save(dir);
    const loaded = await PassageIndex.load(dir, embeddings);
    await (
      await PassageIndex.build(samplePassages(), embeddings, { knowledgeFingerprint: 'newer' })
    ).save(dir);
    expect((await loaded.vectorCache()).size).toBe(12);
  });

  it('keeps the saved vectors available for the next build after a load', async () => {
    await (await PassageIndex.build(samplePassages(), new WordHashEmbeddings())).save(dir);
    const loaded = await PassageIndex.load(dir, new WordHashEmbeddings());
    const cache = await loaded.vectorCache();
    expect(cache.size).toBe(12);
    const embeddings = new WordHashEmbeddings();
    await PassageIndex.build(samplePassages(), embeddings, { vectorCache: cache });
    expect(embeddings.documentsEmbedded).toBe(0);
  });
});

describe('PassageIndex build with a spill directory', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it('searches and saves exactly as an in-memory build, and leaves no temporary file in the folder', async () => {
    const embeddings = new WordHashEmbeddings();
    const passages = samplePassages();
    const spilledDir = join(dir, 'spilled');
    const memoryDir = join(dir, 'memory');
    const spilled = await PassageIndex.build(passages, embeddings, { spillDirectory: dir });
    const memory = await PassageIndex.build(passages, embeddings);
    const query = embeddings.embed('energy security and natural gas');
    expect(spilled.searchByVector(query, 5)).toEqual(memory.searchByVector(query, 5));
    // Before a save, the next build reuses the vectors from the spilled file.
    const again = await PassageIndex.build(passages, embeddings, {
      vectorCache: await spilled.vectorCache(),
    });
    expect(again.counts).toEqual({ embedded: 0, reused: passages.length });
    const saved = await spilled.save(spilledDir);
    const reference = await memory.save(memoryDir);
    expect(await readFile(join(saved, 'vectors.bin'))).toEqual(
      await readFile(join(reference, 'vectors.bin')),
    );
    expect((await readdir(dir)).sort()).toEqual(['memory', 'spilled']);
    // After the save, the vectors come from the saved file.
    expect((await spilled.vectorCache()).isSpilled).toBe(false);
    expect((await spilled.vectorCache()).size).toBe(passages.length);
  });

  it('searches with a filter at filteredEfSearch and restores efSearch afterwards', async () => {
    const embeddings = new WordHashEmbeddings();
    const passages = samplePassages();
    const index = await PassageIndex.build(passages, embeddings, {
      hnsw: { efSearch: 300, filteredEfSearch: 20 },
    });
    const graph = (index as unknown as { main: { graph: { getEf(): number } } }).main.graph;
    // The filter runs inside the graph search: it sees the breadth the search runs with.
    const breadths = new Set<number>();
    const query = embeddings.embed('energy security');
    const hits = index.searchByVector(query, 3, (passage) => {
      breadths.add(graph.getEf());
      return passage.position % 2 === 0;
    });
    expect(hits.map((hit) => hit.passage.position % 2)).toEqual([0, 0, 0]);
    expect([...breadths]).toEqual([20]);
    expect(graph.getEf()).toBe(300);
  });
});
