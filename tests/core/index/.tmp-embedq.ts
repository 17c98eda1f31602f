import { createOfflineEmbeddings } from '../../../src/core/embeddings/offline-embeddings.js';
import { loadQuestions, DEFAULT_QUESTIONS_FILE } from '../../../src/eval/load-questions.js';
const e = createOfflineEmbeddings();
const qs = (await loadQuestions(DEFAULT_QUESTIONS_FILE)).map((q) => q.question);
for (const q of qs) await e.embedQuery(q);
const times: number[] = [];
for (let r = 0; r < 10; r++) for (const q of qs) { const t = performance.now(); await e.embedQuery(q); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log('embedQuery p50', times[Math.floor(times.length * 0.5)]!.toFixed(3), 'ms p95', times[Math.floor(times.length * 0.95)]!.toFixed(3), 'ms');
