/**
 * Manual measurement, not a test: the HNSW recall/build-speed curve behind `DEFAULT_HNSW_PARAMETERS`.
 *   npx tsx scripts/sweep-hnsw-parameters.ts [passages=100000] [m:efConstruction ...]
 * Embeds the bench's synthetic knowledge base (seed 20190525) once with the offline default, caching the vectors
 * in the OS temp folder, then for each m:efConstruction builds a graph, timing the
 * inserts alone, and prints ANN recall@24 of the real questions' vectors against exact cosine search at several
 * efSearch values (the same measure as the bench's "ANN recall@24": a result counts when it is at least as close
 * as the exact 24th).
 */
import { performance } from 'node:perf_hooks';

import hnswlib from 'hnswlib-node';

import { loadSyntheticVectors } from './synthetic-vectors.js';

const K = 24;
const EF_SEARCH = [64, 128, 256, 384, 512];

const [countArg, ...configArgs] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);
const configs = (configArgs.length > 0 ? configArgs : ['8:24', '12:48', '16:64']).map((text) => {
  const [m, efConstruction] = text.split(':').map(Number);
  return { m: m!, efConstruction: efConstruction! };
});

const { dimensions, data, norms, queries } = await loadSyntheticVectors(count);
/** The exact K-th best cosine similarity per query. */
const kth = queries.map((query) => {
  const qNorm = Math.sqrt(query.reduce((sum, value) => sum + value * value, 0)) || 1;
  const sims = new Float64Array(count);
  for (let row = 0; row < count; row += 1) {
    let dot = 0;
    const base = row * dimensions;
    for (let d = 0; d < dimensions; d += 1) dot += data[base + d]! * query[d]!;
    sims[row] = dot / (norms[row]! * qNorm);
  }
  return Float64Array.from(sims).sort().reverse()[K - 1]!;
});

for (const { m, efConstruction } of configs) {
  const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
  graph.initIndex(count, m, efConstruction, 100);
  const row = new Array<number>(dimensions);
  const started = performance.now();
  for (let label = 0; label < count; label += 1) {
    for (let d = 0; d < dimensions; d += 1) row[d] = data[label * dimensions + d]!;
    graph.addPoint(row, label);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const curve = EF_SEARCH.map((ef) => {
    graph.setEf(ef);
    let recall = 0;
    const searchStarted = performance.now();
    queries.forEach((query, i) => {
      const { distances } = graph.searchKnn(query, K);
      recall += Math.min(K, distances.filter((distance) => 1 - distance >= kth[i]! - 1e-5).length) / K;
    });
    const perQueryMs = (performance.now() - searchStarted) / queries.length;
    return `ef ${ef}: ${(recall / queries.length).toFixed(3)} (${perQueryMs.toFixed(2)} ms)`;
  });
  console.log(
    `m ${m} efC ${efConstruction}: inserts ${(count / buildSeconds).toFixed(0)}/s (${buildSeconds.toFixed(1)} s); ${curve.join('; ')}`,
  );
}
