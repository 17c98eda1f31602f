/**
 * Manual measurement, not a test: could the HNSW graph hold fewer dimensions (the largest part of idle memory at
 * 100,000 passages) and still find the exact top 24 once its candidates are rescored with the full vectors?
 *   npx tsx scripts/measure-reduced-graph.ts [passages=100000] [dims=96,128,160] [rescored=128,256,512]
 *     [efSearch=1024,2048,3072] [space=cosine|ip]
 * Embeds the bench's synthetic knowledge (seed 20190525) with the offline default (cached in the OS temp folder,
 * shared with sweep-hnsw-parameters.ts), fits a PCA projection on it (`fit-projection.ts`: uncentred, 8,192 rows),
 * builds a graph over the projected vectors (M 12, efC 40; inserts timed alone) and prints, per efSearch, ANN
 * recall@24 of the real questions against exact full-dimensional cosine (ties with the exact 24th count, as in the
 * bench) after rescoring the graph's best `rescored` candidates exactly (here from memory: from disk, as the
 * product would have to, each rescored candidate is one more read).
 *
 * Measured 2026-11-30 ~22:47 (AMD EPYC, 2 cores, shared, load 1.6–2.7), 100,000 passages; full 484 dimensions
 * reach 0.962 at efSearch 3,072 (the bench). Energy kept by the projection: 96 dims 0.928, 128 0.954, 160 0.968,
 * 192 0.977. recall@24 (per-query ms including in-memory rescoring), cosine space:
 *   128 dims (inserts 7,841/s): ef 3,072 rescoring 128 / 256 / 512: 0.840 / 0.889 / 0.920 (2.0–2.6 ms)
 *   160 dims (6,389/s): ef 3,072 rescoring 512 / 1,024 / 2,048: 0.921 / 0.930 / 0.937; ef 4,096: 0.933 / 0.942 / 0.948
 *   192 dims (4,373/s): ef 3,072: 0.930 / 0.939 / 0.948; ef 4,096: 0.940 / 0.948 / 0.957 (6.6 ms)
 *   96 dims: at most 0.895; inner-product space at 160 dims: 0.897–0.932 (worse than cosine).
 * So ≥ 0.95 needs ≥ 192 dimensions, efSearch 4,096 and ~2,048 full vectors read per question (4 MB of reads from
 * disk per search), with inserts below the 5,000 passages/s the build needs: rejected (see README, issue 10).
 */
import { performance } from 'node:perf_hooks';

import hnswlib from 'hnswlib-node';

import { loadSyntheticVectors } from './synthetic-vectors.js';

import { fitProjection } from './fit-projection.js';

const K = 24;
const [countArg, dimsArg, rescoredArg, efArg, spaceArg] = process.argv.slice(2);
const space = spaceArg === 'ip' ? 'ip' : 'cosine';
const count = Number(countArg ?? 100_000);
const dimsList = (dimsArg ?? '96,128,160').split(',').map(Number);
const rescoredList = (rescoredArg ?? '128,256,512').split(',').map(Number);
const efList = (efArg ?? '1024,2048,3072').split(',').map(Number);

const { dimensions, data, norms, queries } = await loadSyntheticVectors(count);
function fullCosine(query: readonly number[], qNorm: number, row: number): number {
  let dot = 0;
  const base = row * dimensions;
  for (let d = 0; d < dimensions; d += 1) dot += data[base + d]! * query[d]!;
  return dot / (norms[row]! * qNorm);
}
const qNorms = queries.map((query) => Math.sqrt(query.reduce((sum, value) => sum + value * value, 0)) || 1);
const kth = queries.map((query, i) => {
  const sims = new Float64Array(count);
  for (let row = 0; row < count; row += 1) sims[row] = fullCosine(query, qNorms[i]!, row);
  return Float64Array.from(sims).sort().reverse()[K - 1]!;
});

for (const dims of dimsList) {
  let started = performance.now();
  const projection = fitProjection(data, dimensions, dims);
  const fitSeconds = (performance.now() - started) / 1000;
  const graph = new hnswlib.HierarchicalNSW(space, dims);
  graph.initIndex(count, 12, 40, 100);
  const row = new Array<number>(dims);
  started = performance.now();
  for (let label = 0; label < count; label += 1) {
    projection.projectRowInto(data, label, row);
    graph.addPoint(row, label);
  }
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(
    `dims ${dims}: fit ${fitSeconds.toFixed(1)} s (variance kept ${projection.energyKept.toFixed(3)}), inserts ${(count / buildSeconds).toFixed(0)}/s`,
  );
  const projectedQueries = queries.map((query) => projection.project(query));
  for (const ef of efList) {
    graph.setEf(ef);
    for (const rescored of rescoredList) {
      let recall = 0;
      const at = performance.now();
      queries.forEach((query, i) => {
        const { neighbors } = graph.searchKnn(projectedQueries[i]!, Math.min(rescored, ef));
        const sims = neighbors.map((label) => fullCosine(query, qNorms[i]!, label)).sort((a, b) => b - a);
        recall += Math.min(K, sims.slice(0, K).filter((sim) => sim >= kth[i]! - 1e-5).length) / K;
      });
      const perQuery = (performance.now() - at) / queries.length;
      console.log(
        `  ef ${ef} rescored ${rescored}: recall@24 ${(recall / queries.length).toFixed(3)} (${perQuery.toFixed(2)} ms)`,
      );
    }
  }
}
