import { readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_HNSW_PARAMETERS } from '../../../src/core/vector-index/hnsw-parameters.js';
import { silentLogger } from '../../../src/core/logger.js';
import { INDEX_FORMAT_VERSION } from '../../../src/core/vector-index/index-manifest.js';
import { openPassageIndex } from '../../../src/core/vector-index/open-passage-index.js';
import { PassageIndex } from '../../../src/core/vector-index/passage-index.js';
import type { Passage } from '../../../src/core/types.js';
import { makeTempDir, recordingLogger, samplePassages, sampleTexts } from './index-test-support.js';
import { WordHashEmbeddings } from './word-hash-embeddings.js';

describe('openPassageIndex', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  const open = (
    passages: readonly Passage[] = samplePassages(),
    embeddings = new WordHashEmbeddings(),
    extra: Partial<Parameters<typeof openPassageIndex>[0]> = {},
  ) =>
    openPassageIndex({
      dir,
      passages,
      embeddings,
      knowledgeFingerprint: 'kb-1',
      logger: silentLogger,
      ...extra,
    });

  /** The folder of the live generation. */
  async function liveGeneration(): Promise<string> {
    return join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim());
  }

  it('builds and saves when nothing is saved, then loads without embedding anything', async () => {
    const first = new WordHashEmbeddings();
    const built = await open(samplePassages(), first);
    expect(built).toMatchObject({ origin: 'built', reason: 'no saved index', embedded: 12, reused: 0 });

    const second = new WordHashEmbeddings();
    const loaded = await open(samplePassages(), second);
    expect(loaded).toMatchObject({ origin: 'loaded', embedded: 0, reused: 0 });
    expect(loaded.reason).toBeUndefined();
    expect(second.documentsEmbedded).toBe(0);
    const query = second.embed('semiconductor chip supply chains');
    expect(loaded.index.searchByVector(query, 4)).toEqual(built.index.searchByVector(query, 4));
  });

  it('logs the reason for a rebuild at info level', async () => {
    const { logger, records } = recordingLogger();
    await openPassageIndex({
      dir,
      passages: samplePassages(),
      embeddings: new WordHashEmbeddings(),
      knowledgeFingerprint: 'kb-1',
      logger,
    });
    expect(records()).toContainEqual(expect.objectContaining({ level: 30, reason: 'no saved index' }));
  });

  it('embeds exactly the one passage whose text changed', async () => {
    await open();
    const texts = sampleTexts();
    texts[5] = 'A brand new passage about visa waivers for business travellers.';
    const embeddings = new WordHashEmbeddings();
    const result = await open(samplePassages(texts), embeddings, { knowledgeFingerprint: 'kb-2' });
    expect(result).toMatchObject({ origin: 'built', reason: 'knowledge changed', embedded: 1, reused: 11 });
    expect(embeddings.documentCalls).toEqual([[texts[5]]]);
    expect((await result.index.search('visa waivers for business travellers', 1))[0]!.passage.text).toBe(
      texts[5],
    );
  });

  it('updates the previous index on a reload: only the changed passage is embedded, into a delta beside the kept graph', async () => {
    const first = await open();
    const texts = sampleTexts();
    texts[2] = 'A new passage about coast guard cooperation in the East China Sea.';
    const embeddings = new WordHashEmbeddings();
    const reloaded = await openPassageIndex({
      dir: join(dir, 'elsewhere'),
      passages: samplePassages(texts),
      embeddings,
      knowledgeFingerprint: 'kb-2',
      logger: silentLogger,
      previous: first.index,
    });
    expect(reloaded).toMatchObject({
      origin: 'updated',
      reason: 'knowledge changed',
      embedded: 1,
      reused: 11,
    });
    expect(embeddings.documentCalls).toEqual([[texts[2]]]);
    expect(reloaded.index.deltaSize).toBe(1);
  });

  it('gives the same search results after an update as a full rebuild of the same passages', async () => {
    const first = await open();
    const texts = sampleTexts();
    texts[2] = 'A new passage about coast guard cooperation in the East China Sea.';
    texts[7] = 'Scholarships will bring Japanese students to American community colleges.';
    // One passage removed, one added at the end.
    const changed = [
      ...samplePassages(texts).filter((_, i) => i !== 9),
      ...samplePassages(['Typhoon warnings will be shared in real time.']).map((p) => ({
        ...p,
        id: 'sheet#new',
      })),
    ];
    const updated = await open(changed, new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-2',
      previous: first.index,
    });
    expect(updated.origin).toBe('updated');
    const rebuilt = await PassageIndex.build(changed, new WordHashEmbeddings());
    const embeddings = new WordHashEmbeddings();
    for (const query of [
      'coast guard East China Sea',
      'alliance peace security',
      'students colleges',
      'typhoon warnings',
      'Moon',
    ]) {
      const vector = embeddings.embed(query);
      // Equal scores may come in either order from two graphs, so hits are compared in (score, id) order.
      const ranked = (hits: readonly { passage: Passage; score: number }[]) =>
        hits
          .map((hit) => `${hit.score.toFixed(6)} ${hit.passage.id}`)
          .sort()
          .reverse();
      expect(ranked(updated.index.searchByVector(vector, 12))).toEqual(
        ranked(rebuilt.searchByVector(vector, 12)),
      );
      const scores = (hits: readonly { score: number }[]) => hits.map((hit) => hit.score.toFixed(6));
      expect(scores(updated.index.searchByVector(vector, 5))).toEqual(
        scores(rebuilt.searchByVector(vector, 5)),
      );
      const only = (passage: Passage) => passage.position % 2 === 0;
      expect(ranked(updated.index.searchByVector(vector, 12, only))).toEqual(
        ranked(rebuilt.searchByVector(vector, 12, only)),
      );
    }
    expect(updated.index.searchByVector(embeddings.embed('anything at all'), 100)).toHaveLength(12);
  });

  it('keeps the previous index answering, unchanged, while and after an update is made from it', async () => {
    const first = await open();
    const embeddings = new WordHashEmbeddings();
    const vector = embeddings.embed('cooperation on semiconductors and chip supply chains');
    const before = first.index.searchByVector(vector, 12);
    const texts = sampleTexts();
    texts[0] = 'Semiconductor supply chains will be mapped together by both governments.';
    const pending = open(samplePassages(texts), new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-2',
      previous: first.index,
    });
    expect(first.index.searchByVector(vector, 12)).toEqual(before);
    const updated = await pending;
    expect(first.index.searchByVector(vector, 12)).toEqual(before);
    expect(updated.index.searchByVector(vector, 12).map((hit) => hit.passage.text)).toContain(texts[0]);
    expect(updated.index.searchByVector(vector, 12).map((hit) => hit.passage.text)).not.toContain(
      sampleTexts()[0],
    );
  });

  it('saves an update as a generation that loads with the same results, linking the kept graph’s files', async () => {
    const first = await open();
    const texts = sampleTexts();
    texts[4] = 'The two countries will co-host a robotics competition for high school teams.';
    const updated = await open(samplePassages(texts), new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-2',
      previous: first.index,
    });
    const generation = await liveGeneration();
    expect((await stat(join(generation, 'hnswlib.index'))).nlink).toBeGreaterThanOrEqual(1);
    const manifest = JSON.parse(await readFile(join(generation, 'manifest.json'), 'utf8')) as {
      layers: unknown;
    };
    expect(manifest.layers).toEqual({ main: 12, delta: 1 });
    const reader = new WordHashEmbeddings();
    const loaded = await open(samplePassages(texts), reader, { knowledgeFingerprint: 'kb-2' });
    expect(loaded.origin).toBe('loaded');
    expect(reader.documentsEmbedded).toBe(0);
    const vector = reader.embed('robotics competition high school');
    expect(loaded.index.searchByVector(vector, 6)).toEqual(updated.index.searchByVector(vector, 6));
    // A second update of the loaded index keeps linking the same main graph and re-saves only the delta.
    texts[5] = 'Beef and wheat tariffs fall again under the second stage of the agreement.';
    const again = await open(samplePassages(texts), new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-3',
      previous: loaded.index,
    });
    // 10 passages kept in the main graph, the earlier change's vector taken from the old delta, one embedded.
    expect(again).toMatchObject({ origin: 'updated', embedded: 1, reused: 11 });
    expect(again.index.deltaSize).toBe(2);
  });

  it('merges everything into one graph again when the delta would grow too large', async () => {
    const first = await open();
    const texts = sampleTexts().map((text, i) => (i < 4 ? `${text} Revised.` : text));
    const result = await open(samplePassages(texts), new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-2',
      previous: first.index,
      update: { maxDeltaShare: 0.1, minDeltaLimit: 0 },
    });
    expect(result).toMatchObject({ origin: 'built', embedded: 4, reused: 8 });
    expect(result.index.deltaSize).toBe(0);
  });

  it('falls back to the saved vectors when the given ones come from another embedder', async () => {
    await open();
    const foreign = await PassageIndex.build(samplePassages(), new WordHashEmbeddings({ id: 'other@1' }));
    const result = await open(samplePassages(), new WordHashEmbeddings(), {
      knowledgeFingerprint: 'kb-2',
      vectorCache: await foreign.vectorCache(),
    });
    expect(result).toMatchObject({ reason: 'knowledge changed', embedded: 0, reused: 12 });
  });

  it('rebuilds without embedding when only the knowledge fingerprint or passage metadata changed', async () => {
    await open();
    const fingerprintOnly = new WordHashEmbeddings();
    expect(await open(samplePassages(), fingerprintOnly, { knowledgeFingerprint: 'kb-2' })).toMatchObject({
      origin: 'built',
      reason: 'knowledge changed',
      embedded: 0,
      reused: 12,
    });
    const moved = samplePassages().map((passage) => ({ ...passage, section: 'ANOTHER SECTION' }));
    expect(await open(moved, new WordHashEmbeddings(), { knowledgeFingerprint: 'kb-2' })).toMatchObject({
      reason: 'knowledge changed',
      embedded: 0,
    });
  });

  it('rebuilds from scratch, naming both embedders, when the embedder changed', async () => {
    await open();
    const other = new WordHashEmbeddings({ id: 'kizuna-offline@2' });
    expect(await open(samplePassages(), other)).toMatchObject({
      origin: 'built',
      reason: 'embedder changed: test-word-hash@1 → kizuna-offline@2',
      embedded: 12,
      reused: 0,
    });
    const refitted = new WordHashEmbeddings({ id: 'kizuna-offline@2', fittedStateHash: 'table-v2' });
    expect((await open(samplePassages(), refitted)).reason).toBe(
      'embedder changed: kizuna-offline@2 → kizuna-offline@2 (fitted state)',
    );
  });

  it('rebuilds, reusing every vector, when a library version or HNSW parameter changed', async () => {
    await open();
    const manifestPath = join(await liveGeneration(), 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      libraries: Record<string, string>;
    };
    const installed = manifest.libraries['hnswlib-node'];
    manifest.libraries['hnswlib-node'] = '2.9.0';
    await writeFile(manifestPath, JSON.stringify(manifest));
    expect(await open()).toMatchObject({
      reason: `hnswlib-node version changed: 2.9.0 → ${installed}`,
      embedded: 0,
      reused: 12,
    });

    const m = DEFAULT_HNSW_PARAMETERS.m + 4;
    expect(await open(samplePassages(), new WordHashEmbeddings(), { hnsw: { m } })).toMatchObject({
      reason: `HNSW parameters changed: m ${DEFAULT_HNSW_PARAMETERS.m} → ${m}`,
      embedded: 0,
    });
    // efSearch is a query-time setting: changing it needs no rebuild.
    const reopened = await open(samplePassages(), new WordHashEmbeddings(), { hnsw: { m, efSearch: 300 } });
    expect(reopened).toMatchObject({ origin: 'loaded' });
    expect(reopened.index.hnswParameters.efSearch).toBe(300);
  });

  it('rebuilds an index saved in another format', async () => {
    await open();
    const manifestPath = join(await liveGeneration(), 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 99 }));
    expect((await open()).reason).toBe(`index format changed: 99 → ${INDEX_FORMAT_VERSION}`);
  });

  describe('damaged saved files are rebuilt, never thrown', () => {
    const damages: Array<[string, (generation: string) => Promise<void>, RegExp]> = [
      [
        'a truncated hnswlib.index',
        (g) => truncate(join(g, 'hnswlib.index'), 100),
        /hnswlib\.index: \d+ bytes, expected/,
      ],
      [
        'a same-size corrupted hnswlib.index',
        async (g) => {
          const bytes = await readFile(join(g, 'hnswlib.index'));
          bytes.fill(0xff, 0, 64);
          await writeFile(join(g, 'hnswlib.index'), bytes);
        },
        /hnswlib\.index: checksum mismatch/,
      ],
      [
        'garbage docstore.json',
        (g) => writeFile(join(g, 'docstore.json'), '{"not": "a docstore"'),
        /docstore\.json/,
      ],
      [
        'garbage manifest.json',
        (g) => writeFile(join(g, 'manifest.json'), 'garbage{'),
        /manifest\.json: not JSON/,
      ],
      [
        'a manifest missing fields',
        (g) => writeFile(join(g, 'manifest.json'), `{"formatVersion": ${INDEX_FORMAT_VERSION}}`),
        /manifest\.json/,
      ],
      ['a missing manifest.json', (g) => rm(join(g, 'manifest.json')), /manifest\.json: missing/],
      ['a missing hnswlib.index', (g) => rm(join(g, 'hnswlib.index')), /hnswlib\.index: missing/],
      ['a missing args.json', (g) => rm(join(g, 'args.json')), /args\.json: missing/],
      ['a missing docstore.json', (g) => rm(join(g, 'docstore.json')), /docstore\.json: missing/],
      ['a missing passages.json', (g) => rm(join(g, 'passages.json')), /passages\.json: missing/],
      ['a missing vectors.bin', (g) => rm(join(g, 'vectors.bin')), /vectors\.bin: missing/],
      ['a deleted generation folder', (g) => rm(g, { recursive: true }), /manifest\.json: missing/],
      [
        'a garbled CURRENT',
        () => writeFile(join(dir, 'CURRENT'), '../../etc'),
        /CURRENT does not name a generation/,
      ],
    ];

    it.each(damages)('%s', async (_name, damage, reason) => {
      await open();
      await damage(await liveGeneration());
      const result = await open();
      expect(result.origin).toBe('built');
      expect(result.reason).toMatch(/^index files unreadable: /);
      expect(result.reason).toMatch(reason);
      expect((await result.index.search('lunar exploration astronauts Moon', 1))[0]!.passage.id).toBe(
        'sheet#3',
      );
      expect(await open()).toMatchObject({ origin: 'loaded' });
    });

    it('still reuses the intact vector cache when only the graph is damaged', async () => {
      await open();
      await truncate(join(await liveGeneration(), 'hnswlib.index'), 10);
      const embeddings = new WordHashEmbeddings();
      expect(await open(samplePassages(), embeddings)).toMatchObject({ embedded: 0, reused: 12 });
    });

    it('embeds again when the vector cache itself is damaged', async () => {
      await open(samplePassages(), new WordHashEmbeddings(), { knowledgeFingerprint: 'old' });
      const vectors = join(await liveGeneration(), 'vectors.bin');
      const bytes = await readFile(vectors);
      bytes[bytes.length - 1]! ^= 0xff;
      await writeFile(vectors, bytes);
      expect(await open()).toMatchObject({ reason: 'knowledge changed', embedded: 12, reused: 0 });
    });
  });

  it('keeps serving from memory, with a warning, when the index cannot be saved', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const { logger, records } = recordingLogger();
    const result = await openPassageIndex({
      dir: join(blocker, 'index'),
      passages: samplePassages(),
      embeddings: new WordHashEmbeddings(),
      knowledgeFingerprint: 'kb-1',
      logger,
    });
    expect(result.origin).toBe('built');
    expect(result.index.size).toBe(12);
    expect(records()).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/could not save/) }),
    );
  });

  it('leaves a single live generation after repeated rebuilds', async () => {
    await open();
    await open(samplePassages(), new WordHashEmbeddings(), { knowledgeFingerprint: 'kb-2' });
    await open(samplePassages(), new WordHashEmbeddings(), { knowledgeFingerprint: 'kb-3' });
    const entries = await readdir(dir);
    expect(entries.filter((entry) => entry.startsWith('gen-'))).toHaveLength(1);
    expect(entries.filter((entry) => entry.startsWith('.tmp'))).toEqual([]);
  });
});
