import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { ColdStartMessage, ColdStartRequest } from './cold-start-protocol.js';

/** What one cold start measured. */
export interface ColdStartResult {
  /** Wall time from spawning the process to its "ready" message: node, module loading, knowledge, index. */
  readonly readyMs: number;
  /** The same span as the child saw it (from its own time origin), for cross-checking. */
  readonly childReadyMs: number;
  /** Of which: process start to the child's code running (Node, tsx, every module imported). */
  readonly importMs: number;
  /** Of which: `createKizuna` itself (knowledge, index, service). */
  readonly createMs: number;
  /** RSS with the modules loaded and no knowledge yet. */
  readonly importedRssMb: number;
  /** The index build alone, when the child built one. */
  readonly buildMs?: number;
  readonly indexOrigin: string;
  readonly passages: number;
  /** RSS at rest after start-up and one pass over the questions (after GC). */
  readonly idleRssMb: number;
  /** Highest RSS up to ready. */
  readonly startupPeakRssMb: number;
  /** Highest RSS over the child's life. */
  readonly peakRssMb: number;
}

export interface ColdStartOptions extends ColdStartRequest {
  /** Index build progress reported by the child. */
  readonly onProgress?: (done: number, total: number) => void;
  /** @default 900_000 (15 minutes: a 100,000-passage build on a slow machine) */
  readonly timeoutMs?: number;
}

const REPOSITORY_ROOT = fileURLToPath(new URL('../', import.meta.url));
/**
 * The compiled child, as `npm start` runs the bot: plain Node, no TypeScript loader (tsx roughly doubles
 * module loading). `tsconfig.bench.json` compiles it, with the product modules it imports compiled by the same
 * compiler options as `dist/`, into `dist-bench/` (`bench/` → `dist-bench/bench/`, `src/` → `dist-bench/src/`),
 * so the product's `dist/` holds no bench. `run-bench.ts` runs `npm run build:bench` before measuring, so it
 * matches the source.
 */
const CHILD_SCRIPT = join(REPOSITORY_ROOT, 'dist-bench', 'bench', 'cold-start-child.js');
/** Enough of a failing child's stderr to explain it. */
const MAX_STDERR_CHARS = 8_000;

/**
 * Starts Kizuna in a fresh Node process (`node --expose-gc dist-bench/bench/cold-start-child.js`) and reports how long
 * it took to be ready and how much memory it used. The knowledge and index folders decide what "cold" means:
 * a saved index is loaded, an empty folder forces a build.
 * @throws Error when the child fails, exits early or exceeds the timeout (it is killed then).
 */
export function measureColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const request: ColdStartRequest = {
    knowledgeDir: options.knowledgeDir,
    indexDir: options.indexDir,
    ...(options.questionsFile === undefined ? {} : { questionsFile: options.questionsFile }),
  };
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', CHILD_SCRIPT, JSON.stringify(request)], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk;
    });
    let ready: (Extract<ColdStartMessage, { type: 'ready' }> & { readyMs: number }) | undefined;
    let settled = false;
    const fail = (problem: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      reject(
        new Error(`cold start (${options.indexDir}) failed: ${problem}${stderr ? `\n${stderr.trim()}` : ''}`),
      );
    };
    const timer = setTimeout(
      () => fail(`no result within ${options.timeoutMs ?? 900_000} ms`),
      options.timeoutMs ?? 900_000,
    );

    child.on('message', (message: ColdStartMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.done, message.total);
          return;
        case 'ready':
          ready = { ...message, readyMs: performance.now() - spawnedAt };
          return;
        case 'error':
          fail(message.message);
          return;
        case 'done':
          if (ready === undefined) {
            fail('reported done before ready');
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve({
            readyMs: ready.readyMs,
            childReadyMs: ready.readyAtMs,
            importMs: ready.importedAtMs,
            createMs: ready.readyAtMs - ready.importedAtMs,
            importedRssMb: ready.importedRssMb,
            ...(ready.buildMs === undefined ? {} : { buildMs: ready.buildMs }),
            indexOrigin: ready.indexOrigin,
            passages: ready.passages,
            idleRssMb: message.idleRssMb,
            startupPeakRssMb: ready.peakRssMb,
            peakRssMb: message.peakRssMb,
          });
      }
    });
    child.on('error', (error) => fail(error.message));
    // 'close' comes after the IPC channel has delivered everything, unlike 'exit'.
    child.on('close', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before reporting`));
  });
}
