/**
 * Manual measurement, not a test: cold start of the real corpus with the offline embedder.
 *   npx tsx scripts/measure-cold-start.ts [indexDir]
 * The first run builds and saves; run it again to time a fresh process that loads the saved index. Prints
 * the time from process start (imports included) until the index answers a search.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const importsStarted = performance.now();
const { createOfflineEmbeddings } = await import('../src/core/embeddings/offline-embeddings.js');
const { openPassageIndex } = await import('../src/core/vector-index/open-passage-index.js');
const { loadKnowledge } = await import('../src/core/knowledge/load-knowledge.js');
const { silentLogger } = await import('../src/core/logger.js');
const importsMs = performance.now() - importsStarted;

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'kizuna-cold-'));
const openStarted = performance.now();
const knowledge = await loadKnowledge('knowledge');
const embeddings = createOfflineEmbeddings();
const knowledgeMs = performance.now() - openStarted;
const indexStarted = performance.now();
const opened = await openPassageIndex({
  dir,
  passages: knowledge.passages,
  embeddings,
  knowledgeFingerprint: knowledge.fingerprint,
  logger: silentLogger,
});
const indexMs = performance.now() - indexStarted;
const [hit] = await opened.index.search('liquefied natural gas', 1);
console.log(
  JSON.stringify({
    dir,
    passages: opened.index.size,
    origin: opened.origin,
    reason: opened.reason,
    importsMs: Math.round(importsMs),
    knowledgeAndEmbedderMs: Math.round(knowledgeMs),
    openIndexMs: Math.round(indexMs),
    sinceProcessStartMs: Math.round(performance.now()),
    top: hit?.passage.id,
  }),
);
