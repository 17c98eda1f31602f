import hnswlib from 'hnswlib-node';
import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
const N = Number(process.argv[2] ?? 20000);
const configs = (process.argv[3] ?? '8:24,8:32').split(',').map((p) => p.split(':').map(Number) as [number, number]);
const kb = await loadKnowledge('knowledge');
let s = 12345; const r = () => (s = (s * 48271) % 2147483647) / 2147483647;
const vocab = [...new Set(kb.passages.flatMap((p) => p.text.split(/\s+/)))];
const texts = Array.from({ length: N }, () => { const base = kb.passages[Math.floor(r() * kb.passages.length)]!.text.split(/\s+/); const w = base.filter(() => r() < 0.6); for (let i = 0; i < 8; i++) w.splice(Math.floor(r() * w.length), 0, vocab[Math.floor(r() * vocab.length)]!); return w.join(' '); });
const vecs = await createOfflineEmbeddings().embedDocuments(texts);
const D = vecs[0]!.length;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const results = new Map<string, number[]>();
for (let round = 0; round < 3; round++) for (const [M, EFC] of configs) {
  const idx = new hnswlib.HierarchicalNSW('cosine', D); idx.initIndex(N, M, EFC, 100);
  const c = cpu(); for (let i = 0; i < N; i++) idx.addPoint(vecs[i]!, i);
  const key = `M${M}/efC${EFC}`; results.set(key, [...(results.get(key) ?? []), (cpu() - c) * 1000 / N]);
}
for (const [k, v] of results) console.log(k, 'µs/insert (cpu):', v.map((x) => x.toFixed(0)).join(', '), 'min', Math.min(...v).toFixed(0));
