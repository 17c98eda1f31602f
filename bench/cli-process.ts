import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { summarize, type LatencySummary } from '../src/eval/percentiles.js';
import type { BenchReport } from './report.js';
import { formatFigure, type TargetResult } from './targets.js';

/** The question both commands answer: offline, from the real sheets, with one citation. */
export const CLI_PROCESS_QUESTION = 'What does Reiwa mean?';

/** Whole-process times of the terminal CLI answering one question, as a person runs it (ms, spawn to exit). */
export interface CliProcessResult {
  readonly question: string;
  /** `node bin/kizuna.mjs ask "…"`: the compiled CLI's own process (what `npm run ask` starts). */
  readonly compiledMs: LatencySummary;
  /** `npm run --silent ask -- "…"`: the same, with npm in front. */
  readonly npmMs: LatencySummary;
}

export interface CliProcessOptions {
  /** The repository: where `bin/kizuna.mjs` and `package.json` are. */
  readonly root: string;
  /** The real fact sheets. */
  readonly knowledgeDir: string;
  /** Timed runs of each command, after one untimed run that saves the index. @default 5 */
  readonly runs?: number;
}

/** Targets of issue 9 for an answer printed by a fresh process, on the real sheets with a saved index. */
const COMPILED_TARGET_MS = 500;
const NPM_TARGET_MS = 800;

/**
 * Times whole `ask` processes (spawn to exit, answer printed) on the real sheets, offline default, with a
 * saved index in a scratch folder: first `node bin/kizuna.mjs ask`, then `npm run ask`. The compiled CLI
 * (dist/cli-bundle/) must be current: `npm run build` first.
 * @throws Error when a run fails or prints no cited answer (its stderr in the message).
 */
export async function measureCliProcess(options: CliProcessOptions): Promise<CliProcessResult> {
  const runs = options.runs ?? 5;
  const indexDir = await mkdtemp(join(tmpdir(), 'kizuna-bench-cli-'));
  // Set explicitly, so a local .env (models, another knowledge folder) cannot change what is measured.
  const env = {
    // eslint-disable-next-line no-restricted-properties -- not configuration: the children inherit it (PATH for npm)
    ...process.env,
    KNOWLEDGE_DIR: options.knowledgeDir,
    INDEX_DIR: indexDir,
    EMBEDDINGS_PROVIDER: 'offline',
    ANSWER_PROVIDER: 'extractive',
    LOG_LEVEL: 'warn',
  };
  const compiled = ['node', [join(options.root, 'bin', 'kizuna.mjs'), 'ask', CLI_PROCESS_QUESTION]] as const;
  const npm = ['npm', ['run', '--silent', 'ask', '--', CLI_PROCESS_QUESTION]] as const;
  try {
    await timeProcess(...compiled, options.root, env);
    const times = async ([command, args]: typeof compiled | typeof npm) => {
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1)
        samples.push(await timeProcess(command, args, options.root, env));
      return summarize(samples);
    };
    return { question: CLI_PROCESS_QUESTION, compiledMs: await times(compiled), npmMs: await times(npm) };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

/** Judges the medians against issue 9's targets. */
export function cliProcessTargets(result: CliProcessResult): TargetResult[] {
  const judge = (name: string, value: number, limit: number): TargetResult => ({
    name,
    target: `≤ ${limit} ms`,
    measured: `${formatFigure(value)} ms`,
    value,
    met: value <= limit,
  });
  return [
    judge(
      'Answer printed by a fresh `node bin/kizuna.mjs ask` (median, real knowledge)',
      result.compiledMs.p50,
      COMPILED_TARGET_MS,
    ),
    judge('Answer printed through `npm run ask` (median, real knowledge)', result.npmMs.p50, NPM_TARGET_MS),
  ];
}

/** The report with the CLI's process times beside the other figures and their targets among the others. */
export function withCliProcess(
  report: BenchReport,
  result: CliProcessResult,
): BenchReport & { readonly cliProcess: CliProcessResult } {
  return { ...report, cliProcess: result, targets: [...report.targets, ...cliProcessTargets(result)] };
}

/** Milliseconds from spawning `command` to its exit; rejects unless it exits 0 with a cited answer. */
function timeProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0 && stdout.includes('[1]')) resolve(elapsed);
      else
        reject(new Error(`${command} ${args.join(' ')} exited ${code} without a cited answer:\n${stderr}`));
    });
  });
}
