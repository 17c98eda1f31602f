import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, platform, arch } from 'node:os';
import { dirname } from 'node:path';

import type { CoreStatus } from '../core/types.js';
import { QUESTION_KINDS, type QuestionKind } from './load-questions.js';
import { summarise, summariseByKind, type EvalMetrics, type QuestionResult } from './score.js';
import type { ThresholdFailure, Thresholds } from './thresholds.js';

/** Where `npm run eval` writes its JSON report (the folder is git-ignored). */
export const DEFAULT_REPORT_FILE = 'reports/eval.json';

/** The machine the figures were measured on: latencies mean little without it. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly nodeVersion: string;
  readonly platform: string;
  readonly arch: string;
}

/** Everything one evaluation run measured, as written to `reports/eval.json`. */
export interface EvalReport {
  readonly generatedAt: string;
  /** Wall-clock time of the whole run, core start-up excluded. */
  readonly durationMs: number;
  readonly questionsFile: string;
  readonly machine: MachineInfo;
  /** What was evaluated, from the core's status. */
  readonly core: {
    readonly answerer: string;
    readonly embedder: string;
    readonly fingerprint: string;
    readonly passageCount: number;
    readonly indexOrigin: string;
  };
  /** Whether the core exposed `retrieve`, so recall figures exist. */
  readonly retrievalMeasured: boolean;
  readonly overall: EvalMetrics;
  readonly byKind: Partial<Record<QuestionKind, EvalMetrics>>;
  readonly thresholds: Thresholds;
  readonly thresholdFailures: readonly ThresholdFailure[];
  readonly questions: readonly QuestionResult[];
}

export function describeMachine(): MachineInfo {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpuCount: cores.length,
    nodeVersion: process.version,
    platform: platform(),
    arch: arch(),
  };
}

export interface BuildReportInput {
  readonly results: readonly QuestionResult[];
  readonly status: CoreStatus;
  readonly retrievalMeasured: boolean;
  readonly questionsFile: string;
  readonly thresholds: Thresholds;
  readonly thresholdFailures: readonly ThresholdFailure[];
  readonly durationMs: number;
  readonly machine?: MachineInfo;
  readonly now?: Date;
}

export function buildReport(input: BuildReportInput): EvalReport {
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    durationMs: Math.round(input.durationMs),
    questionsFile: input.questionsFile,
    machine: input.machine ?? describeMachine(),
    core: {
      answerer: input.status.answerer,
      embedder: input.status.embedder,
      fingerprint: input.status.fingerprint,
      passageCount: input.status.passageCount,
      indexOrigin: input.status.indexOrigin,
    },
    retrievalMeasured: input.retrievalMeasured,
    overall: summarise(input.results),
    byKind: summariseByKind(input.results),
    thresholds: input.thresholds,
    thresholdFailures: input.thresholdFailures,
    questions: input.results,
  };
}

export async function writeReport(report: EvalReport, file: string = DEFAULT_REPORT_FILE): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}

interface Column {
  readonly title: string;
  readonly value: (m: EvalMetrics) => string;
}

const COLUMNS: readonly Column[] = [
  { title: 'n', value: (m) => String(m.n) },
  { title: 'cited ok', value: (m) => percent(m.citationAccuracy) },
  { title: '[1] ok', value: (m) => percent(m.rank1CitationAccuracy) },
  { title: 'key facts', value: (m) => percent(m.keyFactRate) },
  { title: 'both sheets', value: (m) => percent(m.crossSheetCoverage) },
  { title: 'refused', value: (m) => percent(m.refusalRate) },
  { title: 'wrong refusal', value: (m) => percent(m.wrongRefusalRate) },
  { title: 'friendly', value: (m) => percent(m.friendlyRate) },
  { title: 'no-shared ok', value: (m) => percent(m.noSharedWordCitationAccuracy) },
  { title: 'R@1', value: (m) => percent(m.recallAt1) },
  { title: 'R@3', value: (m) => percent(m.recallAt3) },
  { title: 'p50 ms', value: (m) => milliseconds(m.latencyMedianMs) },
  { title: 'p95 ms', value: (m) => milliseconds(m.latencyP95Ms) },
  { title: 'errors', value: (m) => String(m.errorCount) },
];

/** The human-readable summary: one row per kind plus the overall row, then the machine. */
export function formatTable(report: EvalReport): string {
  const kinds = QUESTION_KINDS.filter((kind) => report.byKind[kind] !== undefined);
  const rows: string[][] = [
    ['kind', ...COLUMNS.map((c) => c.title)],
    ...kinds.map((kind) => [kind, ...COLUMNS.map((c) => c.value(report.byKind[kind] as EvalMetrics))]),
    ['overall', ...COLUMNS.map((c) => c.value(report.overall))],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map(line);
  const m = report.machine;
  return [
    `Kizuna evaluation: ${report.overall.n} questions in ${(report.durationMs / 1000).toFixed(1)} s, ` +
      `answerer ${report.core.answerer}, embedder ${report.core.embedder}`,
    '',
    body[0],
    rule,
    ...body.slice(1, -1),
    rule,
    body[body.length - 1],
    '',
    'cited ok: answerable questions citing a correct passage; [1] ok: the first citation is correct;',
    'key facts: answered with every key fact; both sheets: citations cover every expected sheet;',
    'refused: unanswerable questions refused; wrong refusal: answerable questions refused;',
    'friendly: non-questions and garbage given the friendly reply; no-shared ok: cited ok among answerable',
    'questions sharing no content word with their answering sentence;',
    `R@k: expected passage in the top k retrieved${report.retrievalMeasured ? '' : ' (not measured: the core has no retrieve)'}.`,
    '',
    `Machine: ${m.cpuModel}, ${m.cpuCount} cores, Node ${m.nodeVersion}, ${m.platform} ${m.arch}`,
  ].join('\n');
}

/** One paragraph per failed question, with why it failed (for `--verbose`). */
export function formatFailedQuestions(report: EvalReport): string {
  const failed = report.questions.filter((q) => !q.correct);
  if (failed.length === 0) return 'Every question passed.';
  return [
    `${failed.length} question(s) failed:`,
    ...failed.map((q) =>
      [
        `- ${q.id} (${q.kind}): ${q.question}`,
        ...q.failures.map((failure) => `    ${failure}`),
        q.answered ? `    cited: ${q.citedPassageIds.join(', ') || '(nothing)'}` : undefined,
        q.answerText ? `    answer: ${oneLine(q.answerText, 200)}` : undefined,
      ]
        .filter((text): text is string => text !== undefined)
        .join('\n'),
    ),
  ].join('\n');
}

/** Lists the figures below (or above) their thresholds, for `--ci`. */
export function formatThresholdFailures(failures: readonly ThresholdFailure[]): string {
  if (failures.length === 0) return 'All thresholds met.';
  return [
    `${failures.length} figure(s) missed their threshold:`,
    ...failures.map(
      (f) =>
        `- ${f.metric}: ${f.actual === null ? 'not measured' : formatFigure(f.metric, f.actual)}, needs ${f.direction} ${formatFigure(f.metric, f.threshold)}`,
    ),
  ].join('\n');
}

function formatFigure(metric: string, value: number): string {
  if (metric.endsWith('Ms')) return `${Math.round(value)} ms`;
  if (metric === 'errorCount') return String(value);
  return percent(value);
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function milliseconds(value: number | null): string {
  if (value === null) return '—';
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
