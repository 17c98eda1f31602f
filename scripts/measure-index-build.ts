/**
 * Manual measurement, not a test: build, save, load and search timings of PassageIndex on synthetic vectors.
 *   npx tsx scripts/measure-index-build.ts [passages=10000] [dimensions=400] [m] [efConstruction] [efSearch]
 * Vectors are "random-ish": each is a weighted mix of 3 of 2,000 random topic directions plus noise, so
 * neighbourhoods exist (uniformly random 400-d vectors have none and are HNSW's pathological case).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { DescribedEmbeddings, EmbedderIdentity } from '../src/core/embeddings/embedder-identity.js';
import { DEFAULT_HNSW_PARAMETERS } from '../src/core/vector-index/hnsw-parameters.js';
import hnswlib from 'hnswlib-node';

import { PassageIndex } from '../src/core/vector-index/passage-index.js';
import { INDEX_FILES, readCurrentGeneration } from '../src/core/vector-index/saved-index.js';
import type { Passage } from '../src/core/types.js';

const [count = 10_000, dimensions = 400, m, efConstruction, efSearch] = process.argv.slice(2).map(Number);
const hnsw = {
  m: m ?? DEFAULT_HNSW_PARAMETERS.m,
  efConstruction: efConstruction ?? DEFAULT_HNSW_PARAMETERS.efConstruction,
  efSearch: efSearch ?? DEFAULT_HNSW_PARAMETERS.efSearch,
};

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(42);
const topics = Array.from({ length: 2000 }, () =>
  Float64Array.from({ length: dimensions }, () => random() - 0.5),
);
function randomishVector(): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (let j = 0; j < 3; j += 1) {
    const topic = topics[Math.floor(random() * topics.length)]!;
    const weight = random();
    for (let d = 0; d < dimensions; d += 1) vector[d]! += weight * topic[d]!;
  }
  for (let d = 0; d < dimensions; d += 1) vector[d]! += (random() - 0.5) * 0.3;
  return vector;
}

const vectors = Array.from({ length: count }, randomishVector);
const passages: Passage[] = vectors.map((_, i) => ({
  id: `doc#${i.toString(16).padStart(8, '0')}`,
  documentId: 'doc',
  section: 'SECTION',
  kind: 'bullet',
  position: i,
  line: i + 1,
  text: `Synthetic passage number ${i} about the alliance, long enough to look like a real bullet point of a fact sheet.`,
}));
const vectorOfText = new Map(passages.map((p, i) => [p.text, vectors[i]!]));

/** Looks the vectors up, so the timings are the index's own. */
class PrecomputedEmbeddings implements DescribedEmbeddings {
  describe(): EmbedderIdentity {
    return { id: 'synthetic@1', dimensions, params: {} };
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => vectorOfText.get(text) ?? randomishVector());
  }
  async embedQuery(): Promise<number[]> {
    return randomishVector();
  }
}

const ms = (start: number) => performance.now() - start;
const embeddings = new PrecomputedEmbeddings();
const dir = await mkdtemp(join(tmpdir(), 'kizuna-measure-'));
try {
  let start = performance.now();
  const index = await PassageIndex.build(passages, embeddings, { hnsw });
  const buildMs = ms(start);
  start = performance.now();
  await index.save(dir);
  const saveMs = ms(start);
  start = performance.now();
  const loaded = await PassageIndex.load(dir, embeddings, passages, { efSearch: hnsw.efSearch });
  const loadMs = ms(start);
  start = performance.now();
  await PassageIndex.load(dir, embeddings, undefined, { efSearch: hnsw.efSearch });
  const loadReadingPassagesMs = ms(start);

  const queries = Array.from({ length: 200 }, randomishVector);
  // The raw graph, read from the saved file as the bench does (PassageIndex exposes no hnswlib object).
  const current = await readCurrentGeneration(dir);
  if (current.kind !== 'generation') throw new Error('the index was not saved');
  const raw = new hnswlib.HierarchicalNSW('cosine', dimensions);
  await raw.readIndex(join(current.path, INDEX_FILES.hnswIndex));
  raw.setEf(loaded.hnswParameters.efSearch);
  for (const query of queries) raw.searchKnn(query, 10); // warm up
  // Interleaved, so both see the same machine load, alternating which goes first (the second run of a query
  // finds the graph nodes it visits already in cache).
  let rawMs = 0;
  let wrappedMs = 0;
  const rounds = 5;
  const timed = (search: () => unknown) => {
    const t = performance.now();
    search();
    return ms(t);
  };
  for (let r = 0; r < rounds; r += 1) {
    queries.forEach((query, i) => {
      if ((i + r) % 2 === 0) {
        rawMs += timed(() => raw.searchKnn(query, 10));
        wrappedMs += timed(() => loaded.searchByVector(query, 10));
      } else {
        wrappedMs += timed(() => loaded.searchByVector(query, 10));
        rawMs += timed(() => raw.searchKnn(query, 10));
      }
    });
  }
  const rawUs = (rawMs * 1000) / (rounds * queries.length);
  const wrappedUs = (wrappedMs * 1000) / (rounds * queries.length);

  const unit = vectors.map((v) => {
    const norm = Math.hypot(...v);
    return Float64Array.from(v, (x) => x / norm);
  });
  let hits = 0;
  for (const query of queries.slice(0, 50)) {
    const norm = Math.hypot(...query);
    const exact = unit
      .map((v, i) => {
        let dot = 0;
        for (let d = 0; d < dimensions; d += 1) dot += v[d]! * query[d]!;
        return [dot / norm, i] as const;
      })
      .sort((a, b) => b[0] - a[0])
      .slice(0, 10)
      .map(([, i]) => passages[i]!.id);
    const found = new Set(loaded.searchByVector(query, 10).map((hit) => hit.passage.id));
    hits += exact.filter((id) => found.has(id)).length;
  }

  console.log(
    JSON.stringify({
      passages: count,
      dimensions,
      ...hnsw,
      buildMs: Math.round(buildMs),
      buildPerSecond: Math.round((count / buildMs) * 1000),
      saveMs: Math.round(saveMs),
      loadMs: Math.round(loadMs),
      loadReadingPassagesMs: Math.round(loadReadingPassagesMs),
      rawSearchUs: Math.round(rawUs),
      searchByVectorUs: Math.round(wrappedUs),
      overhead: Number((wrappedUs / rawUs).toFixed(3)),
      recallAt10: hits / 500,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
