import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  AppendOnlyDocstore,
  docstoreIds,
  loadHnswStore,
  saveHnswStore,
} from '../../../src/core/vector-index/hnsw-store.js';
import { makeTempDir, sampleTexts } from './index-test-support.js';
import { WordHashEmbeddings } from './word-hash-embeddings.js';

/** What `HNSWLib.save` writes as `docstore.json` for these documents (keys and documents as given). */
function docstoreFile(entries: ReadonlyArray<readonly [string, object]>): Buffer {
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

const asSaved = (ids: readonly string[]) =>
  docstoreFile(ids.map((id, label) => [String(label), { pageContent: id, metadata: {} }] as const));

describe('docstoreIds', () => {
  it('GIVEN the docstore HNSWLib.save writes for our stores THEN reads each label’s passage id', () => {
    const ids = ['sheet#0', 'synthetic-00241-us-indonesia-2012#f647c2eb4aa0', 'sheet#2'];
    expect(docstoreIds(asSaved(ids))).toEqual({ ids, documents: 3 });
  });

  it('GIVEN ids with JSON escapes and characters beyond ASCII THEN reads them exactly as JSON.parse would', () => {
    const ids = ['a "quoted" id', 'back\\slash', 'tab\there', 'ユーザー#1', 'emoji 🎌 and \u2028 separator'];
    expect(docstoreIds(asSaved(ids)).ids).toEqual(ids);
  });

  it('GIVEN an empty docstore THEN reads no ids', () => {
    expect(docstoreIds(Buffer.from('[]'))).toEqual({ ids: [], documents: 0 });
  });

  it('GIVEN another layout (metadata, keys out of order) THEN falls back to parsing it as JSON, by label', () => {
    const file = docstoreFile([
      ['1', { pageContent: 'b', metadata: { source: 'x' } }],
      ['0', { pageContent: 'a', metadata: {} }],
      ['note', { pageContent: 'not a label', metadata: {} }],
    ]);
    expect(docstoreIds(file)).toEqual({ ids: ['a', 'b'], documents: 3 });
  });

  it('GIVEN a file that is not a docstore THEN throws', () => {
    expect(() => docstoreIds(Buffer.from('{"_docs":{}}'))).toThrowError(/not a list/);
    expect(() => docstoreIds(Buffer.from('[["0",{"pageContent":"a"'))).toThrowError();
    expect(() => docstoreIds(Buffer.from('[[0, "a"]]'))).toThrowError(/\[key, document\]/);
  });
});

describe('loadHnswStore', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => cleanup());

  async function savedStore(texts: readonly string[]): Promise<HNSWLib> {
    const embeddings = new WordHashEmbeddings();
    const store = new HNSWLib(embeddings, {
      space: 'cosine',
      numDimensions: embeddings.describe().dimensions,
      docstore: new AppendOnlyDocstore(),
    });
    await store.addVectors(
      texts.map((text) => embeddings.embed(text)),
      texts.map((_, i) => new Document({ pageContent: `sheet#${i}`, metadata: {} })),
    );
    await store.save(dir);
    return store;
  }

  it('GIVEN a store saved by HNSWLib THEN reads the same graph and the ids its docstore held, keeping no documents', async () => {
    const texts = sampleTexts();
    const saved = await savedStore(texts);
    const loaded = await loadHnswStore(dir, new WordHashEmbeddings());
    expect(loaded.ids).toEqual(texts.map((_, i) => `sheet#${i}`));
    expect(loaded.documents).toBe(texts.length);
    expect(loaded.store.docstore._docs.size).toBe(0);
    const graph = loaded.store.index;
    expect(graph.getCurrentCount()).toBe(texts.length);
    const query = new WordHashEmbeddings().embed('energy security and natural gas');
    expect(graph.searchKnn(query, 5)).toEqual(saved.index.searchKnn(query, 5));
  });

  it('GIVEN ids for an empty docstore THEN saveHnswStore writes the very files HNSWLib.save writes with them as documents', async () => {
    const texts = Array.from({ length: 5_000 }, (_, i) => `${sampleTexts()[i % 12]!} ${i}`);
    const store = await savedStore(texts);
    const ids = texts.map((_, i) => `sheet#${i}`);
    ids[7] = 'a "quoted" ユーザー id';
    store.docstore._docs.set('7', new Document({ pageContent: ids[7], metadata: {} }));
    await store.save(dir);
    const expected = ['args.json', 'docstore.json', 'hnswlib.index'].map((name) => join(dir, name));
    store.docstore._docs.clear();
    await saveHnswStore(store, ids, join(dir, 'ours'));
    for (const file of expected) {
      const ours = await readFile(join(dir, 'ours', file.slice(dir.length + 1)));
      expect(ours.equals(await readFile(file)), file).toBe(true);
    }
    expect((await loadHnswStore(join(dir, 'ours'), new WordHashEmbeddings())).ids).toEqual(ids);
  });

  it('GIVEN a saved store whose docstore.json is damaged THEN throws instead of loading', async () => {
    await savedStore(sampleTexts());
    await writeFile(join(dir, 'docstore.json'), '[["0",{"pageContent":');
    await expect(loadHnswStore(dir, new WordHashEmbeddings())).rejects.toThrowError();
  });
});
