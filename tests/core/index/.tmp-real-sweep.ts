import hnswlib from 'hnswlib-node';
import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
const N = Number(process.argv[2] ?? 20000);
const params = (process.argv[3] ?? '12:48')
  .split(',')
  .map((p) => p.split(':').map(Number) as [number, number]);
const kb = await loadKnowledge('knowledge');
let s = 12345;
const r = () => (s = (s * 48271) % 2147483647) / 2147483647;
const vocab = [...new Set(kb.passages.flatMap((p) => p.text.split(/\s+/)))];
const texts = Array.from({ length: N }, () => {
  const base = kb.passages[Math.floor(r() * kb.passages.length)]!.text.split(/\s+/);
  const words = base.filter(() => r() < 0.6);
  for (let i = 0; i < 8; i++)
    words.splice(Math.floor(r() * words.length), 0, vocab[Math.floor(r() * vocab.length)]!);
  return words.join(' ');
});
const e = createOfflineEmbeddings();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let c = cpu();
const vecs = await e.embedDocuments(texts);
console.log(`embed ${N}: cpu ${((N / (cpu() - c)) * 1000).toFixed(0)}/s, dims ${vecs[0]!.length}`);
const D = vecs[0]!.length;
const flat = new Float32Array(N * D);
vecs.forEach((v, i) => flat.set(v, i * D));
const qs = Array.from({ length: 50 }, () => vecs[Math.floor(r() * N)]!.map((x) => x + (r() - 0.5) * 0.02));
const truth = qs.map((q) => {
  const sc = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    let d = 0;
    const o = i * D;
    for (let j = 0; j < D; j++) d += q[j]! * flat[o + j]!;
    sc[i] = d;
  }
  return new Set([...sc.keys()].sort((a, b) => sc[b]! - sc[a]!).slice(1, 11));
});
for (const [M, EFC] of params) {
  const idx = new hnswlib.HierarchicalNSW('cosine', D);
  idx.initIndex(N, M, EFC, 100);
  c = cpu();
  const w = performance.now();
  for (let i = 0; i < N; i++) idx.addPoint(vecs[i]!, i);
  let line = `N=${N} M=${M} efC=${EFC}: insert cpu ${((N / (cpu() - c)) * 1000).toFixed(0)}/s wall ${((N / (performance.now() - w)) * 1000).toFixed(0)}/s;`;
  for (const ef of [32, 64, 128]) {
    idx.setEf(ef);
    let hit = 0;
    c = cpu();
    for (let q = 0; q < qs.length; q++) {
      const res = idx.searchKnn(qs[q]!, 11);
      hit += res.neighbors.slice(1).filter((n) => truth[q]!.has(n)).length;
    }
    line += ` ef${ef} recall@10 ${(hit / (qs.length * 10)).toFixed(3)} ${(((cpu() - c) / qs.length) * 1000).toFixed(0)}us;`;
  }
  console.log(line);
}
