import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_HNSW_PARAMETERS } from '../../../src/core/vector-index/hnsw-parameters.js';
import { silentLogger } from '../../../src/core/logger.js';
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

  it('reuses the previous index’s vectors on a reload, even without a saved index to read them from', async () => {
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
    expect(reloaded).toMatchObject({ reason: 'no saved index', embedded: 1, reused: 11 });
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
    expect(reopened.index.rawIndex.getEf()).toBe(300);
  });

  it('rebuilds an index saved in another format', async () => {
    await open();
    const manifestPath = join(await liveGeneration(), 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 99 }));
    expect((await open()).reason).toBe('index format changed: 99 → 1');
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
        (g) => writeFile(join(g, 'manifest.json'), '{"formatVersion": 1}'),
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
