import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  createTemporaryGeneration,
  publishGeneration,
  readCurrentGeneration,
} from '../../../src/core/vector-index/saved-index.js';
import { PassageIndex } from '../../../src/core/vector-index/passage-index.js';
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
