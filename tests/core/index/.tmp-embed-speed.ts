import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
const e = createOfflineEmbeddings();
const words =
  'alliance security prosperity semiconductor energy defense cooperation tariffs agriculture investment japan united states indo pacific region trade liquefied natural gas space exploration'.split(
    ' ',
  );
let s = 7;
const r = () => (s = (s * 48271) % 2147483647) / 2147483647;
const texts = Array.from(
  { length: 5000 },
  (_, i) => Array.from({ length: 25 }, () => words[Math.floor(r() * words.length)]).join(' ') + ` item ${i}`,
);
await e.embedDocuments(texts.slice(0, 200));
const u0 = process.cpuUsage();
const t0 = performance.now();
const v = await e.embedDocuments(texts);
const u = process.cpuUsage(u0);
console.log(
  'dims',
  v[0]!.length,
  'wall/s',
  ((texts.length / (performance.now() - t0)) * 1000).toFixed(0),
  'cpu/s',
  ((texts.length / ((u.user + u.system) / 1000)) * 1000).toFixed(0),
);
