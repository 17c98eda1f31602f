/**
 * Manual measurement, not a test: where a started Kizuna's memory goes at the bench's synthetic sizes.
 *   node --expose-gc --import tsx scripts/measure-memory.ts [passages=100000 | real] [--snapshot] [--rebuild]
 * (`real`: the real sheets in `knowledge/`, indexed in `$TMPDIR/kizuna-memory-real/index`.)
 * Writes the bench's synthetic knowledge (seed 20190525, with the shipped aliases and glossary) to
 * `$TMPDIR/kizuna-memory-<passages>/knowledge` once (delete one an older version wrote: it lacks them) and
 * builds its index there on the first run; every run then starts Kizuna from the saved index, as the bench's cold
 * start does, asks the real questions (`src/eval/questions.json`) and prints `process.memoryUsage()` (MB) after
 * module loading, after start-up and after the questions (each after two garbage collections), V8's heap
 * spaces (used and resident: an emptied new space stays resident) and how much of RSS is anonymous memory
 * against file-backed pages (the node binary). With `--rebuild`, the saved index is removed first, so the
 * process measured is one that parsed every sheet and built the graph (the bench's "cold + rebuild" child),
 * not one that restored them. With `--snapshot`, writes a heap snapshot and prints the largest shares of the
 * heap by constructor (self sizes), strings counted apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

import { benchKnowledgeFolder, readShippedKnowledge } from '../bench/bench-knowledge.js';
import { writeKnowledgeFiles } from '../bench/knowledge-files.js';
import { DEFAULT_SYNTHETIC_SEED } from '../bench/synthetic-knowledge.js';
import { garbageCollector } from '../bench/memory.js';
import { loadConfig } from '../src/config/load-config.js';
import { createKizuna } from '../src/core/create-kizuna.js';
import { silentLogger } from '../src/core/logger.js';
import { DEFAULT_QUESTIONS_FILE, loadQuestions } from '../src/eval/load-questions.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MB = 1024 * 1024;
const args = process.argv.slice(2);
const size = args.find((arg) => !arg.startsWith('--')) ?? '100000';
const passages = Number(size);
const work = join(tmpdir(), `kizuna-memory-${size}`);
const knowledgeDir = size === 'real' ? join(ROOT, 'knowledge') : join(work, 'knowledge');
const indexDir = join(work, 'index');

async function settle(): Promise<void> {
  const gc = garbageCollector();
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 250));
  gc?.();
}

function usage(label: string): void {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mb = (bytes: number) => (bytes / MB).toFixed(1).padStart(7);
  console.log(
    `${label.padEnd(28)} rss ${mb(rss)}  heapUsed ${mb(heapUsed)}  heapTotal ${mb(heapTotal)}  external ${mb(external)}  arrayBuffers ${mb(arrayBuffers)}`,
  );
}

if (!existsSync(knowledgeDir)) {
  const shipped = await readShippedKnowledge(join(ROOT, 'knowledge'));
  const { files } = benchKnowledgeFolder(shipped, passages, DEFAULT_SYNTHETIC_SEED);
  await mkdir(work, { recursive: true });
  await writeKnowledgeFiles(knowledgeDir, files);
  console.log(
    `wrote ${files.length} files to ${knowledgeDir}; run again to measure a start from the saved index`,
  );
}
if (args.includes('--rebuild')) await rm(indexDir, { recursive: true, force: true });
await settle();
usage('modules loaded');
const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
const core = await createKizuna({ config, logger: silentLogger });
await settle();
usage(`started (${core.status().indexOrigin})`);
for (const question of await loadQuestions(DEFAULT_QUESTIONS_FILE)) {
  await core
    .ask({ question: question.question, ...(question.history ? { history: question.history } : {}) })
    .catch(() => undefined);
}
await settle();
usage('after the real questions');
for (const space of getHeapSpaceStatistics()) {
  if (space.physical_space_size > MB)
    console.log(
      `  ${space.space_name.padEnd(24)} ${(space.space_used_size / MB).toFixed(1)} MB used, ${(space.physical_space_size / MB).toFixed(1)} MB resident`,
    );
}
residentKinds();

/** RSS split into anonymous memory (heaps, the graph) and file-backed pages (the node binary, native addons). */
function residentKinds(): void {
  if (!existsSync('/proc/self/smaps_rollup')) return;
  const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
  const anonymous = kb('Anonymous') / 1024;
  console.log(
    `  anonymous ${anonymous.toFixed(1)} MB, file-backed ${(kb('Rss') / 1024 - anonymous).toFixed(1)} MB`,
  );
}

if (args.includes('--snapshot')) {
  const file = writeHeapSnapshot(join(work, 'idle.heapsnapshot'));
  summariseSnapshot(file);
}

/** Self sizes by node type and name (constructor for objects; "(string)" for strings), largest first. */
function summariseSnapshot(file: string): void {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!]!;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    const key =
      type === 'string' || type === 'concatenated string' || type === 'sliced string'
        ? `(${type})`
        : `${type}:${name.slice(0, 60)}`;
    const entry = totals.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += snapshot.nodes[i + sizeAt]!;
    entry.count += 1;
    totals.set(key, entry);
  }
  const rows = [...totals].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 40);
  for (const [key, { bytes, count }] of rows)
    console.log(`  ${(bytes / MB).toFixed(1).padStart(7)} MB ${String(count).padStart(9)}  ${key}`);
}
