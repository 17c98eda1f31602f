import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { EvalMetrics } from './score.js';

/** The thresholds shipped with the project, checked by `npm run eval -- --ci`. */
export const DEFAULT_THRESHOLDS_FILE = fileURLToPath(new URL('./thresholds.json', import.meta.url));

/** Figures that can carry a threshold. */
export type ThresholdMetric = Exclude<keyof EvalMetrics, 'n' | 'answerable' | 'unanswerable'>;

/** Figures where lower is better: their threshold is a ceiling; every other threshold is a floor. */
export const CEILING_METRICS: ReadonlySet<ThresholdMetric> = new Set<ThresholdMetric>([
  'wrongRefusalRate',
  'latencyMedianMs',
  'latencyP95Ms',
  'errorCount',
]);

const rate = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

// Strict so that a misspelt key fails loudly instead of silently checking nothing.
const thresholdsSchema = z.strictObject({
  $comment: z.string().optional(),
  citationAccuracy: rate.optional(),
  rank1CitationAccuracy: rate.optional(),
  keyFactRate: rate.optional(),
  crossSheetCoverage: rate.optional(),
  refusalRate: rate.optional(),
  wrongRefusalRate: rate.optional(),
  friendlyRate: rate.optional(),
  noSharedWordCitationAccuracy: rate.optional(),
  recallAt1: rate.optional(),
  recallAt3: rate.optional(),
  latencyMedianMs: nonNegative.optional(),
  latencyP95Ms: nonNegative.optional(),
  errorCount: nonNegative.optional(),
});

/** Overall figures the evaluation must reach; absent ones are not checked. */
export type Thresholds = Partial<Record<ThresholdMetric, number>>;

/** One figure on the wrong side of its threshold (or not measured at all). */
export interface ThresholdFailure {
  readonly metric: ThresholdMetric;
  /** Null when the figure could not be measured (e.g. recall without a `retrieve` method). */
  readonly actual: number | null;
  readonly threshold: number;
  readonly direction: 'at least' | 'at most';
}

/** Validates parsed JSON as thresholds; throws naming each bad key. */
export function parseThresholds(raw: unknown, source: string = 'thresholds'): Thresholds {
  const parsed = thresholdsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid thresholds ${source}:\n` +
        parsed.error.issues
          .map((issue) => `  - ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
          .join('\n'),
    );
  }
  const { $comment: _comment, ...thresholds } = parsed.data;
  return thresholds;
}

/**
 * Reads thresholds from a JSON file.
 * @param file @default DEFAULT_THRESHOLDS_FILE
 */
export async function loadThresholds(file: string = DEFAULT_THRESHOLDS_FILE): Promise<Thresholds> {
  return parseThresholds(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
}

/** Every figure that misses its threshold; a figure that was not measured misses it too. */
export function checkThresholds(metrics: EvalMetrics, thresholds: Thresholds): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const [metric, threshold] of Object.entries(thresholds) as [ThresholdMetric, number | undefined][]) {
    if (threshold === undefined) continue;
    const actual = metrics[metric];
    const ceiling = CEILING_METRICS.has(metric);
    const passes = actual !== null && (ceiling ? actual <= threshold : actual >= threshold);
    if (!passes) failures.push({ metric, actual, threshold, direction: ceiling ? 'at most' : 'at least' });
  }
  return failures;
}
