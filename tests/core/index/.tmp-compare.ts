import hnswlib from 'hnswlib-node';
import { PassageIndex } from '../../../src/core/index/passage-index.js';
const N = Number(process.argv[2] ?? 10000),
  D = 400,
  M = Number(process.argv[3] ?? 12),
  EFC = Number(process.argv[4] ?? 48);
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(42);
const topics = Array.from({ length: 2000 }, () => Float64Array.from({ length: D }, () => rnd() - 0.5));
const make = () => {
  const v = new Array<number>(D).fill(0);
  for (let j = 0; j < 3; j++) {
    const t = topics[Math.floor(rnd() * 2000)]!;
    const w = rnd();
    for (let d = 0; d < D; d++) v[d]! += w * t[d]!;
  }
  for (let d = 0; d < D; d++) v[d]! += (rnd() - 0.5) * 0.3;
  return v;
};
const vecs = Array.from({ length: N }, make);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let c = cpu(),
  w = performance.now();
const idx = new hnswlib.HierarchicalNSW('cosine', D);
idx.initIndex(N, M, EFC, 100);
for (let i = 0; i < N; i++) idx.addPoint(vecs[i]!, i);
console.log(
  `raw addPoint: cpu ${((N / (cpu() - c)) * 1000).toFixed(0)}/s wall ${((N / (performance.now() - w)) * 1000).toFixed(0)}/s`,
);
const texts = vecs.map(
  (_, i) => `Synthetic passage number ${i} about the alliance, long enough to look like a real bullet point.`,
);
const byText = new Map(texts.map((t, i) => [t, vecs[i]!]));
const passages = texts.map((text, i) => ({
  id: `doc#${i}`,
  documentId: 'doc',
  section: 'S',
  kind: 'bullet' as const,
  position: i,
  line: i + 1,
  text,
}));
const emb = {
  describe: () => ({ id: 'x', dimensions: D, params: {} }),
  embedDocuments: async (t: string[]) => t.map((x) => byText.get(x)!),
  embedQuery: async () => make(),
};
c = cpu();
w = performance.now();
await PassageIndex.build(passages, emb, { hnsw: { m: M, efConstruction: EFC } });
console.log(
  `PassageIndex.build: cpu ${((N / (cpu() - c)) * 1000).toFixed(0)}/s wall ${((N / (performance.now() - w)) * 1000).toFixed(0)}/s`,
);
