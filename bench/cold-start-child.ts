/**
 * A fresh process that starts Kizuna once and reports, over IPC, when it was ready and how much memory it used.
 * Spawned by the bench (see cold-start.ts) so module loading and first-use costs count, and nothing is warm.
 * Usage: node --expose-gc --import tsx bench/cold-start-child.ts '<ColdStartRequest as JSON>'
 * (the bench runs the compiled `dist-bench/bench/cold-start-child.js`; see cold-start.ts and tsconfig.bench.json).
 */
import { performance } from 'node:perf_hooks';

import { loadConfig } from '../src/config/load-config.js';
import { createKizuna } from '../src/core/create-kizuna.js';
import { silentLogger } from '../src/core/logger.js';
import type { ColdStartMessage, ColdStartRequest } from './cold-start-protocol.js';
import { currentRssMb, idleRssMb, startRssSampler } from './memory.js';

/** At most one progress message per this many ms (the parent only draws a bar). */
const PROGRESS_INTERVAL_MS = 100;

/** Resolves once the message has left (exiting earlier could drop it). */
function emit(message: ColdStartMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send) process.send(message, undefined, {}, () => resolve());
    else process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve());
  });
}

async function main(): Promise<void> {
  const importedAtMs = performance.now();
  const importedRssMb = currentRssMb();
  const sampler = startRssSampler();
  const request = JSON.parse(process.argv[2] ?? '{}') as ColdStartRequest;
  const config = loadConfig({
    KNOWLEDGE_DIR: request.knowledgeDir,
    INDEX_DIR: request.indexDir,
    LOG_LEVEL: 'silent',
  });

  let buildStartedAt: number | undefined;
  let buildEndedAt: number | undefined;
  let lastProgressAt = 0;
  const core = await createKizuna({
    config,
    logger: silentLogger,
    onIndexProgress: (done, total) => {
      const now = performance.now();
      buildStartedAt ??= now;
      if (done >= total) buildEndedAt = now;
      if (done >= total || now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
        lastProgressAt = now;
        void emit({ type: 'progress', done, total });
      }
    },
  });
  const readyAtMs = performance.now();
  const status = core.status();
  await emit({
    type: 'ready',
    importedAtMs,
    importedRssMb,
    readyAtMs,
    ...(buildStartedAt !== undefined && buildEndedAt !== undefined
      ? { buildMs: buildEndedAt - buildStartedAt }
      : {}),
    indexOrigin: status.indexOrigin,
    passages: status.passageCount,
    peakRssMb: sampler.peakMb(),
  });

  let questionsAsked = 0;
  if (request.questionsFile !== undefined) {
    const { loadQuestions } = await import('../src/eval/load-questions.js');
    for (const question of await loadQuestions(request.questionsFile)) {
      await core
        .ask({ question: question.question, ...(question.history ? { history: question.history } : {}) })
        .catch(() => undefined);
      questionsAsked += 1;
    }
  }
  const idle = await idleRssMb();
  await emit({ type: 'done', idleRssMb: idle, peakRssMb: sampler.stop(), questionsAsked });
}

main().then(
  () => {
    process.disconnect?.();
    process.exit(0);
  },
  async (error: unknown) => {
    await emit({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.disconnect?.();
    process.exit(1);
  },
);
