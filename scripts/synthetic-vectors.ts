/**
 * The bench's synthetic knowledge base (seed 20190525) embedded with the offline default, for the HNSW
 * measurement scripts: embedded once, then read back from `kizuna-sweep-<count>.f32` in the OS temp folder
 * (a stale or missing file is rebuilt). Also the real questions' vectors and each passage vector's length.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { readKnowledgeFiles } from '../bench/knowledge-files.js';
import { DEFAULT_SYNTHETIC_SEED, generateSyntheticKnowledge } from '../bench/synthetic-knowledge.js';
import { createOfflineEmbeddings } from '../src/core/embeddings/offline-embeddings.js';
import { DEFAULT_QUESTIONS_FILE, loadQuestions } from '../src/eval/load-questions.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface SyntheticVectors {
  readonly embeddings: ReturnType<typeof createOfflineEmbeddings>;
  readonly dimensions: number;
  /** `count × dimensions` float32, row-major: passage `row` starts at `row * dimensions`. */
  readonly data: Float32Array;
  /** Euclidean length of each passage vector (1 for a zero vector). */
  readonly norms: Float64Array;
  /** The real questions' (`src/eval/questions.json`) query vectors. */
  readonly queries: number[][];
}

export async function loadSyntheticVectors(count: number): Promise<SyntheticVectors> {
  const embeddings = createOfflineEmbeddings();
  const dimensions = embeddings.describe().dimensions;
  const cacheFile = join(tmpdir(), `kizuna-sweep-${count}.f32`);
  let data: Float32Array;
  try {
    const bytes = await readFile(cacheFile);
    data = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    if (data.length !== count * dimensions) throw new Error('stale cache');
  } catch {
    const files = await readKnowledgeFiles(join(ROOT, 'knowledge'));
    const { knowledge } = generateSyntheticKnowledge(files, {
      passages: count,
      seed: DEFAULT_SYNTHETIC_SEED,
    });
    data = new Float32Array(count * dimensions);
    const started = performance.now();
    for (let start = 0; start < count; start += 1000) {
      const vectors = await embeddings.embedDocuments(
        knowledge.passages.slice(start, start + 1000).map((passage) => passage.text),
      );
      vectors.forEach((vector, i) => data.set(vector, (start + i) * dimensions));
    }
    console.log(`embedded ${count} passages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await writeFile(cacheFile, Buffer.from(data.buffer));
  }
  const questions = await loadQuestions(DEFAULT_QUESTIONS_FILE);
  const queries = await Promise.all(questions.map((question) => embeddings.embedQuery(question.question)));
  const norms = new Float64Array(count);
  for (let row = 0; row < count; row += 1) {
    let sum = 0;
    for (let d = 0; d < dimensions; d += 1) sum += data[row * dimensions + d]! ** 2;
    norms[row] = Math.sqrt(sum) || 1;
  }
  return { embeddings, dimensions, data, norms, queries };
}
