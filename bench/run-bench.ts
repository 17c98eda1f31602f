import { execFileSync } from 'node:child_process';
/**
 * `npm run bench`: latency, throughput, start-up and memory of the offline default, on the real fact sheets and
 * on synthetic knowledge bases grown from them, side by side in one run. See BENCH_USAGE for the options.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { createIndexProgress } from '../src/cli/index-progress.js';
import { DEFAULT_QUESTIONS_FILE, loadQuestions } from '../src/eval/load-questions.js';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './bench-options.js';
import { BRUTE_FORCE_STORE_NAME } from './brute-force.js';
import { measureCliProcess, withCliProcess } from './cli-process.js';
import { benchKnowledgeFolder, readShippedKnowledge } from './bench-knowledge.js';
import { parseKnowledgeFiles, writeKnowledgeFiles } from './knowledge-files.js';
import { describeMachine } from './machine.js';
import { INDEX_FETCH_K, measureScale, RETRIEVE_K, roundsFor, type ScaleResult } from './measure-scale.js';
import {
  formatRecordingLatency,
  measureRecordingLatency,
  RECORDING_P95_TARGET_MS,
} from './recording-latency.js';
import { buildReport, formatReport, reportToJson } from './report.js';
import { DEFAULT_SYNTHETIC_SEED } from './synthetic-knowledge.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The shipped fact sheets, aliases and glossary: the bench measures the product as shipped, whatever a local .env points at. */
const REAL_KNOWLEDGE_DIR = join(REPOSITORY_ROOT, 'knowledge');
const REPORT_FILE = join(REPOSITORY_ROOT, 'reports', 'bench.json');

async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  if (options.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const startedAt = new Date();
  const started = performance.now();
  const onTerminal = process.stderr.isTTY === true;
  const phase = (text: string) => {
    if (onTerminal) process.stderr.write(`${text}\n`);
  };

  // Cold starts run the compiled child (as `npm start` runs the bot), so compile the current source first.
  phase('Compiling the cold-start child into dist-bench/ (npm run build:bench)…');
  execFileSync('npm', ['run', '--silent', 'build:bench'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const shipped = await readShippedKnowledge(REAL_KNOWLEDGE_DIR);
  const real = parseKnowledgeFiles(shipped.sheets);
  const realPassageIds = new Set(real.passages.map((passage) => passage.id));
  const questions = await loadQuestions(DEFAULT_QUESTIONS_FILE);
  const tooSmall = options.sizes.filter((size) => size < real.passages.length);
  if (tooSmall.length > 0) {
    throw new BenchUsageError(
      `--sizes: ${tooSmall.join(', ')} is smaller than the real fact sheets (${real.passages.length} passages)`,
    );
  }

  const workDir = await mkdtemp(join(tmpdir(), 'kizuna-bench-'));
  const scales: ScaleResult[] = [];
  try {
    for (const size of ['real' as const, ...options.sizes]) {
      const label = size === 'real' ? 'real' : size.toLocaleString('en-US');
      if (size !== 'real') phase(`[${label}] generating the synthetic knowledge base`);
      const folder = benchKnowledgeFolder(shipped, size, DEFAULT_SYNTHETIC_SEED);
      const knowledgeDir = join(workDir, `knowledge-${scales.length}`);
      const indexDir = join(workDir, `index-${scales.length}`);
      await writeKnowledgeFiles(knowledgeDir, folder.files);
      const progress = createIndexProgress({ stream: process.stderr });
      try {
        scales.push(
          await measureScale({
            label,
            knowledgeDir,
            indexDir,
            questionsFile: DEFAULT_QUESTIONS_FILE,
            questions,
            realPassageIds,
            editFile: folder.editFile,
            rounds: roundsFor(size === 'real' ? real.passages.length : size),
            onIndexProgress: progress.onProgress,
            onIndexDone: () => progress.stop(),
            onPhase: phase,
          }),
        );
      } finally {
        progress.stop();
      }
      await rm(knowledgeDir, { recursive: true, force: true });
      await rm(indexDir, { recursive: true, force: true });
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  // Whole CLI processes, as a person runs `npm run ask`: the compiled CLI must match the source.
  phase('Timing whole `npm run ask` processes (npm run build first)…');
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cliProcess = await measureCliProcess({ root: REPOSITORY_ROOT, knowledgeDir: REAL_KNOWLEDGE_DIR });

  const first = scales[0]!;
  const measured = buildReport({
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    machine: describeMachine(),
    startedAt,
    durationMs: performance.now() - started,
    setup: {
      embedder: first.embedder,
      answerer: first.answerer,
      questions: questions.length,
      bruteForceStore: BRUTE_FORCE_STORE_NAME,
      retrieveK: RETRIEVE_K,
      indexFetchK: INDEX_FETCH_K,
      syntheticSeed: DEFAULT_SYNTHETIC_SEED,
      hnsw: first.hnsw,
    },
    scales,
  });
  const report = withCliProcess(measured, cliProcess);
  phase('[real] answer latency with recording on (issue 8)');
  const recording = await measureRecordingLatency({ knowledgeDir: REAL_KNOWLEDGE_DIR, questions });
  const json = reportToJson({ ...report, recording } as typeof report);
  await mkdir(join(REPOSITORY_ROOT, 'reports'), { recursive: true });
  await writeFile(REPORT_FILE, `${json}\n`);
  process.stdout.write(options.json ? `${json}\n` : formatReport(report) + formatRecordingLatency(recording));
  const recordingMissed = recording.answerWithRecordingP95Ms > RECORDING_P95_TARGET_MS;
  return options.check && (recordingMissed || report.targets.some((target) => target.met === false)) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
