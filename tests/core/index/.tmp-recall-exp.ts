import hnswlib from 'hnswlib-node';
import { readKnowledgeFiles } from '../../../src/bench/knowledge-files.js';
import { generateSyntheticKnowledge } from '../../../src/bench/synthetic-knowledge.js';
import { recallQuestions, isRecalled } from '../../../src/bench/recall.js';
import { loadQuestions, DEFAULT_QUESTIONS_FILE } from '../../../src/eval/load-questions.js';
import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
import { createRetriever } from '../../../src/core/retrieval/retrieve-passages.js';
import type { Passage } from '../../../src/core/types.js';

const N = Number(process.argv[2] ?? 100000);
const configs = (process.argv[3] ?? '8:32').split(',').map((p) => p.split(':').map(Number) as [number, number]);
const efs = (process.argv[4] ?? '64,128,256').split(',').map(Number);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const real = await readKnowledgeFiles('knowledge');
const synth = generateSyntheticKnowledge(real, { passages: N });
const passages = synth.knowledge.passages;
const realIds = new Set(passages.slice(0, synth.realPassages).map((p) => p.id));
const documents = new Map(synth.knowledge.documents.map((d) => [d.id, d]));
const questions = recallQuestions(await loadQuestions(DEFAULT_QUESTIONS_FILE));
const e = createOfflineEmbeddings();
let c = cpu();
const vectors = await e.embedDocuments(passages.map((p) => p.text));
console.log(`N=${passages.length} real=${synth.realPassages} questions=${questions.length} embed cpu ${(passages.length / (cpu() - c) * 1000).toFixed(0)}/s`);
const D = vectors[0]!.length;
const flat = new Float32Array(passages.length * D); vectors.forEach((v, i) => flat.set(v, i * D));
const exact = { searchByVector(v: number[], k: number) { const sc = new Float32Array(passages.length); for (let i = 0; i < passages.length; i++) { let d = 0; const o = i * D; for (let j = 0; j < D; j++) d += v[j]! * flat[o + j]!; sc[i] = d; } return [...sc.keys()].sort((a, b) => sc[b]! - sc[a]!).slice(0, k).map((i) => ({ passage: passages[i]!, score: sc[i]! })); } };
async function recall(search: { searchByVector(v: number[], k: number): Array<{ passage: Passage; score: number }> }) {
  const r = createRetriever(search, e, documents);
  let ok = 0; for (const q of questions) if (isRecalled(await r.retrieve(q.question, 3), q.expectedPassages, realIds)) ok++;
  return ok / questions.length;
}
console.log(`exact recall@3 ${(await recall(exact)).toFixed(3)}`);
for (const [M, EFC] of configs) {
  const idx = new hnswlib.HierarchicalNSW('cosine', D); idx.initIndex(passages.length, M, EFC, 100);
  c = cpu(); const w = performance.now();
  for (let i = 0; i < passages.length; i++) idx.addPoint(vectors[i]!, i);
  let line = `M=${M} efC=${EFC}: insert cpu ${(passages.length / (cpu() - c) * 1000).toFixed(0)}/s wall ${(passages.length / (performance.now() - w) * 1000).toFixed(0)}/s;`;
  for (const ef of efs) {
    idx.setEf(ef);
    const search = { searchByVector: (v: number[], k: number) => { const r = idx.searchKnn(v, k); return r.neighbors.map((n, i) => ({ passage: passages[n]!, score: 1 - r.distances[i]! })); } };
    const qv = await Promise.all(questions.map((q) => e.embedQuery(q.question)));
    c = cpu(); for (let rr = 0; rr < 3; rr++) for (const v of qv) idx.searchKnn(v, 24);
    line += ` ef${ef}: recall@3 ${(await recall(search)).toFixed(3)} search ${((cpu() - c) / (3 * qv.length) * 1000).toFixed(0)}us;`;
  }
  console.log(line);
}
