import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { EmbedderIdentity } from '../../../src/core/embeddings/embedder-identity.js';
import { PassageIndex } from '../../../src/core/vector-index/passage-index.js';
import { textKey } from '../../../src/core/vector-index/passage-hashes.js';
import {
  createTemporaryGeneration,
  decodePassages,
  decodeVectorCache,
  encodePassages,
  encodeVectorCache,
  passagesFileParts,
  publishGeneration,
  rememberPassagesLayout,
  readCurrentGeneration,
} from '../../../src/core/vector-index/saved-index.js';
import { VectorCache } from '../../../src/core/vector-index/vector-cache.js';
import { makeTempDir, samplePassages, sampleTexts } from './index-test-support.js';
import { WordHashEmbeddings } from './word-hash-embeddings.js';

const execFileAsync = promisify(execFile);

describe('generation store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  it('reports no generation for an empty or missing folder', async () => {
    expect(await readCurrentGeneration(dir)).toEqual({ kind: 'none' });
    expect(await readCurrentGeneration(join(dir, 'absent'))).toEqual({ kind: 'none' });
  });

  it('publishes a written folder as the live generation', async () => {
    const temporary = await createTemporaryGeneration(dir);
    await writeFile(join(temporary, 'data'), 'complete');
    const published = await publishGeneration(dir, temporary);
    const current = await readCurrentGeneration(dir);
    expect(current).toMatchObject({ kind: 'generation', path: published });
    expect(await readFile(join(published, 'data'), 'utf8')).toBe('complete');
  });

  it('leaves the old index loadable after a crash between writing the new one and the swap', async () => {
    const old = await PassageIndex.build(samplePassages(), new WordHashEmbeddings());
    await old.save(dir);

    // The "crashed" writer: a fully written generation that was never published, plus a half-written one.
    const texts = sampleTexts().map((text) => `${text} Changed.`);
    const next = await PassageIndex.build(samplePassages(texts), new WordHashEmbeddings());
    const written = await next.save(join(dir, 'elsewhere'));
    const unpublished = await createTemporaryGeneration(dir);
    await cp(written, unpublished, { recursive: true });
    await rm(join(dir, 'elsewhere'), { recursive: true });
    const halfWritten = await createTemporaryGeneration(dir);
    await writeFile(join(halfWritten, 'hnswlib.index'), Buffer.alloc(10));

    const loaded = await PassageIndex.load(dir, new WordHashEmbeddings());
    expect(loaded.passages).toEqual(old.passages);
  });

  it('leaves the previous generation loadable after a crash while an update was being saved', async () => {
    const embeddings = new WordHashEmbeddings();
    const old = await PassageIndex.build(samplePassages(), embeddings);
    await old.save(dir);
    const texts = sampleTexts();
    texts[3] = 'A revised passage about joint lunar landings.';
    const updated = (await PassageIndex.update(old, samplePassages(texts), embeddings))!;
    // The crashed writer got as far as linking the main graph and writing half of the delta.
    const unpublished = await createTemporaryGeneration(dir);
    const written = await updated.save(join(dir, 'elsewhere'));
    await cp(written, unpublished, { recursive: true });
    await rm(join(unpublished, 'manifest.json'));
    await writeFile(join(unpublished, 'slots.bin'), Buffer.alloc(3));

    const loaded = await PassageIndex.load(dir, new WordHashEmbeddings());
    expect(loaded.passages).toEqual(old.passages);
    const vector = embeddings.embed('lunar exploration astronauts');
    expect(loaded.searchByVector(vector, 3)).toEqual(old.searchByVector(vector, 3));
  });

  it('lets the last of several concurrent writers win, leaving one complete generation', async () => {
    const versions = [1, 2, 3, 4].map((n) => samplePassages(sampleTexts().map((text) => `${text} v${n}`)));
    const indexes = await Promise.all(
      versions.map((passages) => PassageIndex.build(passages, new WordHashEmbeddings())),
    );
    await Promise.all(indexes.map((index) => index.save(dir)));

    const loaded = await PassageIndex.load(dir, new WordHashEmbeddings());
    expect(versions.map((passages) => JSON.stringify(passages))).toContain(JSON.stringify(loaded.passages));
    const entries = await readdir(dir);
    expect(entries.filter((entry) => entry.startsWith('gen-'))).toHaveLength(1);
    expect(entries.filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  it('keeps every read complete while several processes publish into the same folder', async () => {
    const writer = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));
    const versions = ['p1', 'p2', 'p3'];
    const children = versions.map((version) =>
      execFileAsync(process.execPath, ['--import', 'tsx', writer, dir, version, '4'], { cwd: process.cwd() }),
    );
    let writing = true;
    const finished = Promise.all(children).finally(() => (writing = false));
    const seen = new Set<string>();
    while (writing) {
      try {
        const loaded = await PassageIndex.load(dir, new WordHashEmbeddings());
        const version = /\((p\d)\)$/.exec(loaded.passages[0]!.text)?.[1];
        expect(loaded.passages.every((passage) => passage.text.endsWith(`(${version})`))).toBe(true);
        seen.add(version!);
      } catch (error) {
        // Before the first publish there is nothing to read; after it, every read must succeed.
        expect(seen.size).toBe(0);
        expect(error).toMatchObject({ reason: 'no saved index' });
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await finished;
    const final = await PassageIndex.load(dir, new WordHashEmbeddings());
    expect(versions.map((version) => `(${version})`)).toContain(
      /\(p\d\)$/.exec(final.passages[0]!.text)?.[0],
    );
    const entries = await readdir(dir);
    expect(entries.filter((entry) => entry.startsWith('gen-'))).toHaveLength(1);
    expect(entries.filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  it('removes temporary folders abandoned long ago, but not recent ones that may still be in use', async () => {
    const abandoned = join(dir, '.tmp-gen-abandoned');
    const recent = join(dir, '.tmp-gen-recent');
    await mkdir(abandoned, { recursive: true });
    await mkdir(recent);
    const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await utimes(abandoned, longAgo, longAgo);
    await publishGeneration(dir, await createTemporaryGeneration(dir));
    const entries = await readdir(dir);
    expect(entries).toContain('.tmp-gen-recent');
    expect(entries).not.toContain('.tmp-gen-abandoned');
  });

  it('breaks a publish lock left behind by a crashed process', async () => {
    const lock = join(dir, '.publish.lock');
    await writeFile(lock, '12345 crashed');
    const longAgo = new Date(Date.now() - 10 * 60 * 1000);
    await utimes(lock, longAgo, longAgo);
    await publishGeneration(dir, await createTemporaryGeneration(dir));
    expect(await readCurrentGeneration(dir)).toMatchObject({ kind: 'generation' });
    expect(await readdir(dir)).not.toContain('.publish.lock');
  });
});

describe('passages file', () => {
  it('writes exactly the JSON of { fields, rows }, whatever the text holds', () => {
    const passages = samplePassages([
      'Quotes "inside", a back\\slash',
      'Unicode 絆 and \u2028 line separators',
    ]);
    const fields = ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'];
    const rows = passages.map((p) => [p.id, p.documentId, p.section, p.kind, p.position, p.line, p.text]);
    expect(encodePassages(passages)).toBe(JSON.stringify({ fields, rows }));
  });

  it('round-trips passages exactly, in order', () => {
    const passages = samplePassages().map((passage, i) =>
      i === 0 ? { ...passage, kind: 'opening-quote' as const, section: '' } : passage,
    );
    expect(decodePassages(encodePassages(passages))).toEqual(passages);
  });

  it.each([
    ['not an object', '[1, 2]', /expected \{ fields, rows \}/],
    ['other fields', '{"fields": ["id"], "rows": []}', /expected fields/],
    [
      'a short row',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a']],
      }),
      /row 0/,
    ],
    [
      'an unknown kind',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a', 'd', 's', 'poem', 0, 1, 't']],
      }),
      /row 0 has a field of the wrong type/,
    ],
    [
      'a negative line',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a', 'd', 's', 'bullet', 0, -1, 't']],
      }),
      /row 0/,
    ],
  ])('refuses %s, saying what is wrong', (_name, text, problem) => {
    expect(() => decodePassages(text)).toThrowError(problem);
  });
});

const identity: EmbedderIdentity = {
  id: 'test@1',
  dimensions: 3,
  params: { n: 2, lower: true },
  fittedStateHash: 'abc',
};

function sampleCache(): VectorCache {
  const cache = VectorCache.empty(identity);
  cache.set(textKey('alpha'), [1, 0.5, -2]);
  cache.set(textKey('beta'), [0, 3.25, 1e-7]);
  cache.set(textKey('gamma'), [-1, -1, -1]);
  return cache;
}

describe('passages file written in parts', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  /** Two documents' passages, each document's a run of its own. */
  const twoDocuments = () =>
    samplePassages().map((passage, i) => (i < 3 ? passage : { ...passage, documentId: 'other' }));

  async function write(passages: ReturnType<typeof samplePassages>, name: string) {
    const { parts, published } = await passagesFileParts(passages);
    const bytes = Buffer.concat([...parts]);
    await writeFile(join(dir, name), bytes);
    published(join(dir, name), {
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    return bytes.toString('utf8');
  }

  it('gives exactly encodePassages, whether each document is encoded or copied from the file it was last written to', async () => {
    const passages = twoDocuments();
    expect(await write(passages, 'a.json')).toBe(encodePassages(passages));
    // The first document keeps its passage objects (copied); the second is new objects (encoded).
    const next = [
      ...passages.slice(0, 3),
      ...passages.slice(3).map((passage) => ({ ...passage, text: `${passage.text}!` })),
    ];
    expect(await write(next, 'b.json')).toBe(encodePassages(next));
  });

  it("GIVEN the layout saved with a passages.json (an index loaded from disk) THEN the next file copies each document's rows from it", async () => {
    const passages = twoDocuments();
    const { parts, layout } = await passagesFileParts(passages);
    // A stand-in with the same layout but other bytes shows where the rows come from.
    const text = Buffer.concat([...parts])
      .toString('utf8')
      .replace('sheet#0', 'sheet#X');
    await writeFile(join(dir, 'loaded.json'), text);
    const digest = {
      bytes: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
    };
    rememberPassagesLayout(passages, join(dir, 'loaded.json'), digest, layout());
    expect(Buffer.concat([...(await passagesFileParts(passages)).parts]).toString('utf8')).toBe(text);
    // A layout for other passages is ignored.
    const others = twoDocuments();
    rememberPassagesLayout(others.slice(1), join(dir, 'loaded.json'), digest, layout());
    expect(Buffer.concat([...(await passagesFileParts(others)).parts]).toString('utf8')).toBe(
      encodePassages(others),
    );
  });

  it('GIVEN parts not yet read through THEN the layout is refused rather than given incomplete', async () => {
    const { parts, layout } = await passagesFileParts(twoDocuments());
    expect(() => layout()).toThrowError(/not been read through/);
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    const { runs } = JSON.parse(layout()) as { runs: number[][] };
    expect(runs.map(([count]) => count)).toEqual([3, 9]);
  });

  it('GIVEN the file it would copy from is gone or damaged THEN it encodes those rows instead', async () => {
    const passages = twoDocuments();
    await write(passages, 'a.json');
    const bytes = await readFile(join(dir, 'a.json'));
    bytes[bytes.length - 5] = 0x41;
    await writeFile(join(dir, 'a.json'), bytes);
    expect(Buffer.concat([...(await passagesFileParts(passages)).parts]).toString('utf8')).toBe(
      encodePassages(passages),
    );
    await rm(join(dir, 'a.json'));
    expect(Buffer.concat([...(await passagesFileParts(passages)).parts]).toString('utf8')).toBe(
      encodePassages(passages),
    );
  });
});

describe('vector cache file', () => {
  it('round-trips keys, vectors and the embedder identity exactly (as float32)', () => {
    const decoded = decodeVectorCache(encodeVectorCache(sampleCache()))!;
    expect(decoded.identity).toEqual(identity);
    expect(decoded.size).toBe(3);
    expect([...decoded.get(textKey('beta'))!]).toEqual([0, 3.25, Math.fround(1e-7)]);
    expect([...decoded.get(textKey('gamma'))!]).toEqual([-1, -1, -1]);
    expect(decoded.get(textKey('delta'))).toBeUndefined();
  });

  it('stores 4 bytes per dimension plus 32 per key, not JSON', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(bytes.length).toBeLessThan(3 * (3 * 4 + 32) + 300);
  });

  it('round-trips an empty cache', () => {
    expect(decodeVectorCache(encodeVectorCache(VectorCache.empty(identity)))!.size).toBe(0);
  });

  it('returns undefined, for the caller to embed again, when another embedder made the vectors', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(decodeVectorCache(bytes, { ...identity, params: { n: 3, lower: true } })).toBeUndefined();
    expect(decodeVectorCache(bytes, { ...identity, fittedStateHash: undefined })).toBeUndefined();
    expect(decodeVectorCache(bytes, identity)?.size).toBe(3);
  });

  it('refuses truncated, padded, corrupted or foreign bytes', () => {
    const bytes = encodeVectorCache(sampleCache());
    expect(() => decodeVectorCache(bytes.subarray(0, bytes.length - 4))).toThrowError(/bytes, expected/);
    expect(() => decodeVectorCache(Buffer.concat([bytes, Buffer.alloc(4)]))).toThrowError(/bytes, expected/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 2]! ^= 0x01;
    expect(() => decodeVectorCache(flipped)).toThrowError(/checksum mismatch/);
    expect(() => decodeVectorCache(Buffer.from('{"json": true}'))).toThrowError(/bad magic/);
    expect(() => decodeVectorCache(bytes.subarray(0, 20))).toThrowError(/truncated/);
  });
});

describe('VectorCache', () => {
  it('grows beyond its initial capacity and replaces a key’s vector in place', () => {
    const cache = VectorCache.empty(identity, 1);
    for (let i = 0; i < 50; i += 1) cache.set(`k${i}`, [i, i + 1, i + 2]);
    cache.set('k3', [9, 9, 9]);
    expect(cache.size).toBe(50);
    expect([...cache.get('k49')!]).toEqual([49, 50, 51]);
    expect([...cache.get('k3')!]).toEqual([9, 9, 9]);
  });

  it('rejects vectors of the wrong length', () => {
    expect(() => VectorCache.empty(identity).set('k', [1, 2])).toThrowError(RangeError);
  });

  it('layers one cache over another without copying either, read-only', () => {
    const bottom = VectorCache.empty(identity);
    bottom.set('a', [1, 1, 1]);
    bottom.set('b', [2, 2, 2]);
    const top = VectorCache.empty(identity);
    top.set('b', [3, 3, 3]);
    const layered = VectorCache.layered(top, bottom);
    expect([...layered.get('a')!]).toEqual([1, 1, 1]);
    expect([...layered.get('b')!]).toEqual([3, 3, 3]);
    expect(layered.has('a') && !layered.has('c')).toBe(true);
    expect(() => layered.set('c', [0, 0, 0])).toThrow(/read-only/);
    expect(() => encodeVectorCache(layered)).toThrow(/cannot be stored/);
    // A bottom made by another embedder is ignored, as a build would ignore it.
    const foreign = VectorCache.empty({ ...identity, id: 'other@1' });
    foreign.set('z', [5, 5, 5]);
    expect(VectorCache.layered(top, foreign).get('z')).toBeUndefined();
  });
});

describe('spilled VectorCache (a build’s vectors on disk until saved)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  function fill(cache: VectorCache): VectorCache {
    cache.set(textKey('alpha'), [1, 0.5, -2]);
    cache.set(textKey('beta'), [0, 3.25, 1e-7]);
    cache.set(textKey('gamma'), [-1, -1, -1]);
    return cache;
  }

  it('holds the same vectors as an in-memory cache and writes the very same vectors.bin bytes', async () => {
    const spilled = fill(VectorCache.spilled(identity, dir));
    expect(spilled.isSpilled).toBe(true);
    expect(spilled.size).toBe(3);
    expect([...spilled.get(textKey('beta'))!]).toEqual([0, 3.25, Math.fround(1e-7)]);
    expect(spilled.get(textKey('delta'))).toBeUndefined();
    expect(encodeVectorCache(spilled).equals(encodeVectorCache(fill(VectorCache.empty(identity))))).toBe(
      true,
    );
    spilled.release();
  });

  it('replaces a key’s vector in place and streams many rows out in order', () => {
    const spilled = VectorCache.spilled(identity, dir);
    const memory = VectorCache.empty(identity);
    // 100,000 rows × 12 bytes: more than one 1 MB chunk.
    for (let i = 0; i < 100_000; i += 1) {
      spilled.set(`k${i}`, [i, -i, i / 2]);
      memory.set(`k${i}`, [i, -i, i / 2]);
    }
    spilled.set('k7', [7, 7, 7]);
    memory.set('k7', [7, 7, 7]);
    expect([...spilled.rowChunks()].length).toBeGreaterThan(1);
    expect(Buffer.concat([...spilled.rowChunks()]).equals(Buffer.concat([...memory.rowChunks()]))).toBe(true);
    expect([...spilled.get('k99999')!]).toEqual([99_999, -99_999, 49_999.5]);
    spilled.release();
  });

  it('leaves no file behind: unlinked while open, unreadable once released', async () => {
    const spilled = fill(VectorCache.spilled(identity, dir));
    expect(await readdir(dir)).toEqual([]);
    // A layered view reads through to the spilled rows.
    expect([...VectorCache.layered(VectorCache.empty(identity), spilled).get(textKey('gamma'))!]).toEqual([
      -1, -1, -1,
    ]);
    spilled.release();
    spilled.release();
    expect(() => spilled.get(textKey('alpha'))).toThrow(/released/);
    expect(() => spilled.rows()).toThrow(/rowChunks/);
  });
});
