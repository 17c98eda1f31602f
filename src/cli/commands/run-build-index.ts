import type { CoreStatus } from '../../core/types.js';
import type { CliDeps } from '../cli-deps.js';
import { formatDuration } from '../format/format-status.js';
import { describeIndexOrigin, originForSummary } from '../format/index-origin.js';
import { createIndexProgress } from '../index-progress.js';
import { ExitCode, loadCliConfig, readCommandArgs, startCore } from '../startup.js';

export const INDEX_USAGE = `Usage: npm run index -- [--rebuild] [--json]

Builds the search index of the fact sheets, or loads it when the one on disk is still valid.

Options:
  --rebuild   Rebuild even when the index on disk is valid.
  --json      Print the summary as one JSON object.
  --verbose   Show informational logs and stack traces on standard error.
  --help      Show this help.`;

const OPTIONS = {
  rebuild: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The `--json` output of `index`. */
export interface IndexSummaryJson {
  /**
   * Where the index came from: "loaded from disk", "rebuilt (<the core's reason>)", or "rebuilt because
   * --rebuild was given".
   */
  readonly indexOrigin: string;
  /** Whether passages were embedded during this run. */
  readonly built: boolean;
  readonly documentCount: number;
  readonly passageCount: number;
  readonly quotationCount: number;
  readonly embedder: string;
  readonly fingerprint: string;
  readonly durationMs: number;
}

/**
 * One line saying what happened, e.g. "Index built (knowledge changed): 45 passages and 5 quotations from 2
 * fact sheets in 1.0s. Embedder: kizuna-offline@1."
 */
export function formatIndexSummary(summary: IndexSummaryJson): string {
  const verb = summary.built ? 'built' : 'ready';
  return (
    `Index ${verb} (${originForSummary(summary.indexOrigin)}): ${summary.passageCount} passages and ${summary.quotationCount} quotations ` +
    `from ${summary.documentCount} fact sheets in ${formatDuration(summary.durationMs)}. Embedder: ${summary.embedder}.`
  );
}

function summarize(
  status: CoreStatus,
  built: boolean,
  rebuildRequested: boolean,
  durationMs: number,
): IndexSummaryJson {
  return {
    indexOrigin: describeIndexOrigin(status.indexOrigin, rebuildRequested),
    built,
    documentCount: status.documentCount,
    passageCount: status.passageCount,
    quotationCount: status.quotationCount,
    embedder: status.embedder,
    fingerprint: status.fingerprint,
    durationMs: Math.round(durationMs),
  };
}

/** `npm run index`: builds or loads the index through the core and reports what happened. */
export async function runBuildIndex(deps: CliDeps): Promise<number> {
  const args = readCommandArgs(deps, OPTIONS, INDEX_USAGE);
  if (typeof args === 'number') return args;
  const { values, verbose } = args;

  const config = loadCliConfig(deps, verbose);
  if (typeof config === 'number') return config;

  const now = deps.now ?? (() => performance.now());
  const progress = createIndexProgress({
    stream: deps.stderr,
    enabled: deps.stderr.isTTY === true && !values.json,
    now,
  });
  const startedAt = now();
  const started = await startCore(deps, {
    config,
    verbose,
    onIndexProgress: progress.onProgress,
    forceRebuild: values.rebuild === true,
  }).finally(() => progress.stop());
  if (typeof started === 'number') return started;

  const summary = summarize(
    started.core.status(),
    progress.reported,
    values.rebuild === true,
    now() - startedAt,
  );
  deps.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${formatIndexSummary(summary)}\n`);
  return ExitCode.ok;
}
