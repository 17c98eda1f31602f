import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import type { KizunaCore } from '../core/types.js';
import { DEFAULT_QUESTIONS_FILE, loadQuestions } from './load-questions.js';
import {
  DEFAULT_REPORT_FILE,
  buildReport,
  formatFailedQuestions,
  formatTable,
  formatThresholdFailures,
  writeReport,
  type MachineInfo,
} from './report.js';
import { hasRetrieve, runQuestions } from './run-questions.js';
import { summarise } from './score.js';
import { DEFAULT_THRESHOLDS_FILE, checkThresholds, loadThresholds } from './thresholds.js';

export const EVAL_USAGE = `Usage: npm run eval -- [options]

Runs every evaluation question through Kizuna and reports citation accuracy, key facts,
refusals and latency, overall and per kind. Writes ${DEFAULT_REPORT_FILE}.

Options:
  --json               print the JSON report on standard output instead of the table
                       (use \`npm run --silent eval -- --json\` so npm's banner stays out of it)
  --ci                 exit 1 when a figure misses its threshold (src/eval/thresholds.json)
  --verbose            list each failed question and why
  --questions <file>   question set (default: src/eval/questions.json)
  --thresholds <file>  thresholds (default: src/eval/thresholds.json)
  --out <file>         where to write the JSON report (default: ${DEFAULT_REPORT_FILE})
  --help               show this help`;

/** Anything with a `write(text)` method: process.stdout, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

export interface EvalCommandDependencies {
  /** Builds the core under test (the real one in run-eval.ts, a fake in tests). */
  readonly createCore: () => Promise<KizunaCore>;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Rewrite a "done/total" counter on standard error as questions finish (for a terminal). */
  readonly showProgress?: boolean;
  readonly machine?: MachineInfo;
  readonly now?: Date;
}

/** Exit codes: 0 done (and thresholds met under `--ci`), 1 a threshold missed under `--ci`, 2 could not run. */
export type EvalExitCode = 0 | 1 | 2;

/** The whole `npm run eval` command, minus process wiring. */
export async function runEvalCommand(
  argv: readonly string[],
  deps: EvalCommandDependencies,
): Promise<EvalExitCode> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    deps.stderr.write(`${(error as Error).message}\n\n${EVAL_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    deps.stdout.write(`${EVAL_USAGE}\n`);
    return 0;
  }

  let questions: Awaited<ReturnType<typeof loadQuestions>>;
  let thresholds: Awaited<ReturnType<typeof loadThresholds>>;
  let core: KizunaCore;
  try {
    questions = await loadQuestions(options.questions);
    thresholds = await loadThresholds(options.thresholds);
    core = await deps.createCore();
  } catch (error) {
    deps.stderr.write(`eval: cannot start: ${(error as Error).message}\n`);
    return 2;
  }

  deps.stderr.write(`eval: asking ${questions.length} questions, one at a time…\n`);
  const started = performance.now();
  const results = await runQuestions(core, questions, {
    ...(deps.showProgress
      ? {
          onResult: (_result, done, total) =>
            void deps.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`),
        }
      : {}),
  });
  const durationMs = performance.now() - started;

  const thresholdFailures = checkThresholds(summarise(results), thresholds);
  const report = buildReport({
    results,
    status: core.status(),
    retrievalMeasured: hasRetrieve(core),
    questionsFile: options.questions,
    thresholds,
    thresholdFailures,
    durationMs,
    ...(deps.machine ? { machine: deps.machine } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  await writeReport(report, options.out);

  // Standard output carries exactly one thing (the table or the JSON); notes go to standard error with --json.
  const notes = options.json ? deps.stderr : deps.stdout;
  if (options.json) deps.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else deps.stdout.write(`${formatTable(report)}\n`);
  if (options.verbose) notes.write(`\n${formatFailedQuestions(report)}\n`);
  notes.write(`\nReport written to ${options.out}\n`);

  if (!options.ci) return 0;
  notes.write(`\n${formatThresholdFailures(thresholdFailures)}\n`);
  return thresholdFailures.length > 0 ? 1 : 0;
}

function parseOptions(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      json: { type: 'boolean', default: false },
      ci: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      questions: { type: 'string', default: DEFAULT_QUESTIONS_FILE },
      thresholds: { type: 'string', default: DEFAULT_THRESHOLDS_FILE },
      out: { type: 'string', default: DEFAULT_REPORT_FILE },
    },
  });
  return values;
}
