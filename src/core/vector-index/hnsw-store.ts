import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { HNSWLib, type HNSWLibArgs } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import type { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';

/** Construction settings a {@link PresizedHierarchicalNSW} applies whenever it is (re)initialised. */
export interface HnswConstruction {
  /** Elements the graph will hold; allocating them up front avoids repeated `resizeIndex` copies. */
  readonly capacity: number;
  readonly m: number;
  readonly efConstruction: number;
  readonly randomSeed: number;
}

/**
 * A cosine-space `HierarchicalNSW` that always initialises with our construction parameters.
 * HNSWLib calls `index.initIndex(vectors.length)` on its first `addVectors`, which would otherwise reset the
 * graph to hnswlib's defaults (M 16, efConstruction 200) sized for the first batch only.
 */
export class PresizedHierarchicalNSW extends hnswlib.HierarchicalNSW {
  constructor(
    dimensions: number,
    private readonly construction: HnswConstruction,
  ) {
    super('cosine', dimensions);
  }

  override initIndex(maxElements: number | { readonly maxElements: number }): void {
    const requested = typeof maxElements === 'number' ? maxElements : maxElements.maxElements;
    const { capacity, m, efConstruction, randomSeed } = this.construction;
    super.initIndex(Math.max(requested, capacity), m, efConstruction, randomSeed);
  }
}

/**
 * HNSWLib's default docstore checks every new key against an array of all existing keys, which makes adding
 * documents in batches quadratic (minutes at 100,000 passages). Our labels are assigned sequentially by
 * HNSWLib itself, so they can never collide and the check is skipped.
 */
export class AppendOnlyDocstore extends SynchronousInMemoryDocstore {
  override add(texts: Record<string, Document>): void {
    for (const key in texts) {
      const document = texts[key];
      if (document !== undefined) this._docs.set(key, document);
    }
  }
}

/**
 * An empty LangChain `HNSWLib` store over a presized cosine graph, handed its index and docstore through its
 * constructor (the documented `HNSWLibArgs`), ready for `addVectors`.
 */
export function createHnswStore(
  embeddings: EmbeddingsInterface,
  dimensions: number,
  construction: HnswConstruction,
): HNSWLib {
  return new HNSWLib(embeddings, {
    space: 'cosine',
    numDimensions: dimensions,
    index: new PresizedHierarchicalNSW(dimensions, construction),
    docstore: new AppendOnlyDocstore(),
  });
}

/** An embedder must return one finite vector of its declared length per text; anything else would corrupt the graph. */
export function assertEmbedderVectors(
  vectors: readonly (readonly number[])[],
  expected: number,
  identity: EmbedderIdentity,
): void {
  if (vectors.length !== expected) {
    throw new Error(`embedder ${identity.id} returned ${vectors.length} vectors for ${expected} texts`);
  }
  for (const vector of vectors) {
    if (vector.length !== identity.dimensions) {
      throw new Error(
        `embedder ${identity.id} returned a ${vector.length}-dimensional vector but describes itself as ${identity.dimensions}-dimensional`,
      );
    }
    // NaN and ±Infinity times 0 is NaN, so one sum checks the whole vector.
    let poisoned = 0;
    for (let i = 0; i < vector.length; i += 1) poisoned += vector[i]! * 0;
    if (Number.isNaN(poisoned))
      throw new Error(`embedder ${identity.id} returned a vector containing NaN or Infinity`);
  }
}

/** A store saved by LangChain's `HNSWLib.save`, read back with an empty docstore, and the ids its docstore held. */
export interface LoadedHnswStore {
  readonly store: HNSWLib;
  /** The docstore's `pageContent` for each label it holds, by label (undefined for a label it lacks). */
  readonly ids: readonly (string | undefined)[];
  /** How many documents the docstore held. */
  readonly documents: number;
}

/**
 * Reads a store saved by `HNSWLib.save` (`args.json`, `hnswlib.index`, `docstore.json`) as `HNSWLib.load` does,
 * except that the docstore's documents are not kept: only each label's `pageContent` is read, and the store gets
 * an empty {@link AppendOnlyDocstore}. Kizuna's docstore documents hold nothing but a passage id, which the caller
 * keeps in a label table; `HNSWLib.load` parsed them into 100,000 entries, documents and a map (~47 MB of heap at
 * 100,000 passages, all garbage once the ids were copied out, and the largest share of a start's peak).
 * @throws Error when a file is missing or is not what `HNSWLib.save` writes.
 */
export async function loadHnswStore(
  directory: string,
  embeddings: EmbeddingsInterface,
): Promise<LoadedHnswStore> {
  const args = JSON.parse(await readFile(join(directory, 'args.json'), 'utf8')) as HNSWLibArgs;
  if (args.space === undefined || args.numDimensions === undefined)
    throw new Error('args.json lacks the space or the dimensions');
  const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
  // The docstore first: its file buffer is freed before the graph's own allocations are made, so they can reuse
  // that memory instead of settling above it.
  const { ids, documents } = docstoreIds(await readFile(join(directory, 'docstore.json')));
  await index.readIndex(join(directory, 'hnswlib.index'));
  const store = new HNSWLib(embeddings, { ...args, index, docstore: new AppendOnlyDocstore() });
  return { store, ids, documents };
}

/**
 * Each label's `pageContent` in a saved `docstore.json` (`JSON.stringify` of the docstore's `[key, document]`
 * entries). What `HNSWLib.save` writes for our stores is read by a scan that makes one string per label:
 * `[["0",{"pageContent":"…","metadata":{}}],["1",…]]`, keys counting up from 0. Anything else (other keys,
 * metadata or order) is parsed as JSON, as `HNSWLib.load` does.
 * @throws Error when the file is neither.
 */
export function docstoreIds(bytes: Buffer): { ids: (string | undefined)[]; documents: number } {
  const scanned = scanDocstore(bytes);
  if (scanned !== undefined) return { ids: scanned, documents: scanned.length };
  const entries = JSON.parse(bytes.toString('utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error('docstore.json is not a list of entries');
  const ids: (string | undefined)[] = [];
  const keys = new Set<string>();
  for (const entry of entries as unknown[]) {
    const [key, document] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (typeof key !== 'string' || typeof document !== 'object' || document === null)
      throw new Error('docstore.json holds an entry that is not [key, document]');
    keys.add(key);
    const label = Number(key);
    const content = (document as { pageContent?: unknown }).pageContent;
    if (Number.isInteger(label) && label >= 0 && String(label) === key && typeof content === 'string')
      ids[label] = content;
  }
  return { ids, documents: keys.size };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ENTRY_TAIL = Buffer.from(',"metadata":{}}]', 'latin1');

/** The ids of a docstore in exactly the layout `HNSWLib.save` gives ours, or undefined at the first difference. */
function scanDocstore(bytes: Buffer): string[] | undefined {
  const ids: string[] = [];
  let at = 0;
  if (bytes[at] !== OPEN_BRACKET) return undefined;
  at += 1;
  if (bytes[at] === CLOSE_BRACKET) return at + 1 === bytes.length ? ids : undefined;
  for (;;) {
    const head = `["${ids.length}",{"pageContent":"`;
    if (!bytesAre(bytes, at, head)) return undefined;
    at += head.length;
    // The id's JSON string runs to the first quote not escaped by a backslash (a UTF-8 multibyte character never
    // contains either byte).
    const start = at;
    let escaped = false;
    while (at < bytes.length && bytes[at] !== QUOTE) {
      if (bytes[at] === BACKSLASH) {
        escaped = true;
        at += 2;
      } else at += 1;
    }
    if (at >= bytes.length) return undefined;
    ids.push(
      escaped
        ? (JSON.parse(bytes.toString('utf8', start - 1, at + 1)) as string)
        : bytes.toString('utf8', start, at),
    );
    at += 1;
    if (!ENTRY_TAIL.equals(bytes.subarray(at, at + ENTRY_TAIL.length))) return undefined;
    at += ENTRY_TAIL.length;
    if (bytes[at] === COMMA) at += 1;
    else return bytes[at] === CLOSE_BRACKET && at + 1 === bytes.length ? ids : undefined;
  }
}

/** Whether `bytes` holds the ASCII text `text` at `at`. */
function bytesAre(bytes: Buffer, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i += 1) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Entries per piece of a written `docstore.json` (~90 bytes each). */
const DOCSTORE_PIECE = 4_096;

/**
 * Writes what `HNSWLib.save` would for `store` with one document per label, `{ pageContent: ids[label],
 * metadata: {} }` (`args.json`, `hnswlib.index`, and `docstore.json`, byte for byte), without putting those
 * documents in its docstore: the file is written in pieces of a few thousand entries. Filling the docstore for
 * `HNSWLib.save` made 100,000 documents, their entry list and its 8.7 MB of JSON at once, all garbage
 * right after, at the top of a full build's peak.
 */
export async function saveHnswStore(
  store: HNSWLib,
  ids: readonly string[],
  directory: string,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  await store.index.writeIndex(join(directory, 'hnswlib.index'));
  await writeFile(join(directory, 'args.json'), JSON.stringify(store.args));
  await writeFile(join(directory, 'docstore.json'), docstorePieces(ids));
}

/** `JSON.stringify` of `[[String(label), { pageContent: id, metadata: {} }], …]`, in pieces. */
function* docstorePieces(ids: readonly string[]): Generator<string> {
  yield '[';
  for (let start = 0; start < ids.length; start += DOCSTORE_PIECE) {
    let piece = start === 0 ? '' : ',';
    const end = Math.min(ids.length, start + DOCSTORE_PIECE);
    for (let label = start; label < end; label += 1) {
      if (label > start) piece += ',';
      piece += `["${label}",{"pageContent":${JSON.stringify(ids[label])},"metadata":{}}]`;
    }
    yield piece;
  }
  yield ']';
}
