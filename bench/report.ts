import { formatMachine, type MachineDescription } from './machine.js';
import type { HnswParameters } from '../src/core/vector-index/hnsw-parameters.js';
import type { ScaleResult } from './measure-scale.js';
import { evaluateTargets, formatFigure, type TargetResult } from './targets.js';

/** The bench's result: what `--json` prints and `reports/bench.json` holds. Times in ms, memory in MB. */
export interface BenchReport {
  readonly command: string;
  readonly machine: MachineDescription;
  readonly startedAt: string;
  readonly durationMs: number;
  /** What the run used: the offline default. */
  readonly setup: {
    readonly embedder: string;
    readonly answerer: string;
    readonly questions: number;
    readonly bruteForceStore: string;
    readonly retrieveK: number;
    readonly indexFetchK: number;
    readonly syntheticSeed: number;
    readonly hnsw: HnswParameters;
  };
  // The real knowledge base's figures, at top level (the required fields first).
  readonly answerP50Ms: number;
  readonly answerP95Ms: number;
  readonly answerP99Ms: number;
  readonly coldStartMs: number;
  readonly coldStartRebuildMs: number;
  readonly noChangeReloadMs: number;
  readonly noChangeReloadEmbedded: number;
  readonly oneChangeReloadMs: number;
  readonly oneChangeReloadEmbedded: number;
  readonly idleRssMb: number;
  readonly peakRssMb: number;
  /** One entry per size, the real knowledge base first. */
  readonly scale: readonly ScaleResult[];
  readonly targets: readonly TargetResult[];
}

/** Top-level fields the issue requires of the JSON. */
export const REQUIRED_REPORT_FIELDS = [
  'answerP50Ms',
  'answerP95Ms',
  'coldStartMs',
  'coldStartRebuildMs',
  'noChangeReloadMs',
  'oneChangeReloadMs',
  'idleRssMb',
  'peakRssMb',
  'scale',
  'machine',
  'targets',
] as const;

/** Fields the issue requires of every `scale` entry. */
export const REQUIRED_SCALE_FIELDS = [
  'passages',
  'buildMs',
  'passagesPerSec',
  'queryP95Ms',
  'rawHnswP95Ms',
  'bruteForceP95Ms',
  'realQuestionRecallAt3',
] as const;

export interface ReportInput {
  readonly command: string;
  readonly machine: MachineDescription;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly setup: BenchReport['setup'];
  /** Must include the real knowledge base (label "real"). */
  readonly scales: readonly ScaleResult[];
}

/** Assembles the report: the real knowledge base's figures at top level, every size under `scale`, targets judged. */
export function buildReport(input: ReportInput): BenchReport {
  const real = input.scales.find((scale) => scale.label === 'real');
  if (real === undefined) throw new Error('the bench report needs the real knowledge base measured');
  return {
    command: input.command,
    machine: input.machine,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    setup: input.setup,
    answerP50Ms: real.answerP50Ms,
    answerP95Ms: real.answerP95Ms,
    answerP99Ms: real.answerP99Ms,
    coldStartMs: real.coldStartMs,
    coldStartRebuildMs: real.coldStartRebuildMs,
    noChangeReloadMs: real.noChangeReloadMs,
    noChangeReloadEmbedded: real.noChangeReloadEmbedded,
    oneChangeReloadMs: real.oneChangeReloadMs,
    oneChangeReloadEmbedded: real.oneChangeReloadEmbedded,
    idleRssMb: real.idleRssMb,
    peakRssMb: real.peakRssMb,
    scale: input.scales,
    targets: evaluateTargets(input.scales),
  };
}

/** The report as one JSON object; numbers keep 4 decimals (sub-microsecond digits are noise). */
export function reportToJson(report: BenchReport): string {
  return JSON.stringify(
    report,
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(4)) : value,
    2,
  );
}

/** The human table: machine and command first, ratios as the headline, then absolute figures, then targets. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(`Kizuna benchmark: ${report.command}`);
  lines.push(`Machine: ${formatMachine(report.machine)}`);
  lines.push(
    'Every absolute time below was measured on this machine; the ratios are what carries over to others.',
  );
  lines.push(
    `Setup: embedder ${report.setup.embedder}, answerer ${report.setup.answerer}, ${report.setup.questions} questions; ` +
      `brute force = ${report.setup.bruteForceStore}; synthetic seed ${report.setup.syntheticSeed}; ` +
      `HNSW m ${report.setup.hnsw.m}, efConstruction ${report.setup.hnsw.efConstruction}, efSearch ${report.setup.hnsw.efSearch} (filtered searches ${report.setup.hnsw.filteredEfSearch}).`,
  );
  lines.push('');

  lines.push(
    `Retrieval, p95 ms (retrieve asks for ${report.setup.retrieveK}; index, raw and brute force fetch ${report.setup.indexFetchK})`,
  );
  lines.push(
    formatTable(
      [
        'passages',
        'retrieve/raw',
        '(p50)',
        'brute/raw',
        '(p50)',
        'index/raw',
        'retrieve',
        '(embed)',
        'index search',
        'raw searchKnn',
        'brute force',
        'ANN recall@24',
        'recall@3',
      ],
      report.scale.map((scale) => [
        count(scale.passages),
        ratio(scale.retrievalVsRaw),
        ratio(scale.retrievalVsRawP50),
        ratio(scale.bruteForceVsRaw),
        ratio(scale.bruteForceVsRawP50),
        ratio(scale.indexSearchVsRaw),
        ms(scale.queryP95Ms),
        ms(scale.embedQueryP95Ms),
        ms(scale.indexSearchP95Ms),
        ms(scale.rawHnswP95Ms),
        ms(scale.bruteForceP95Ms),
        percent(scale.annRecallAt24),
        `${percent(scale.realQuestionRecallAt3)} of ${scale.recallQuestions}`,
      ]),
    ),
  );
  lines.push('');

  lines.push(
    `ANN recall@24 against exact search by efSearch, ties with the exact 24th counted as found (strict: only the exact labels; raw searchKnn p50 ms in brackets; configured: ${report.setup.hnsw.efSearch})`,
  );
  const efValues = [
    ...new Set(report.scale.flatMap((scale) => scale.annCurve.map((point) => point.efSearch))),
  ].sort((a, b) => a - b);
  lines.push(
    formatTable(
      ['passages', ...efValues.map((ef) => `efSearch ${ef}`)],
      report.scale.map((scale) => [
        count(scale.passages),
        ...efValues.map((ef) => {
          const point = scale.annCurve.find((candidate) => candidate.efSearch === ef);
          return point === undefined
            ? ''
            : `${percent(point.recallAt24)} (strict ${percent(point.strictRecallAt24)}) [${ms(point.rawP50Ms)}]`;
        }),
      ]),
    ),
  );
  lines.push('');

  lines.push('Answers (ms) and index build');
  lines.push(
    formatTable(
      [
        'passages',
        'documents',
        'answer p50',
        'p95',
        'p99',
        'errors',
        'build ms',
        'passages/s',
        'embedding alone/s',
      ],
      report.scale.map((scale) => [
        count(scale.passages),
        count(scale.documents),
        ms(scale.answerP50Ms),
        ms(scale.answerP95Ms),
        ms(scale.answerP99Ms),
        String(scale.answerErrors),
        ms(scale.buildMs),
        count(Math.round(scale.passagesPerSec)),
        count(Math.round(scale.embedPassagesPerSec)),
      ]),
    ),
  );
  lines.push('');

  lines.push(
    'Start (ms; a fresh process: modules + createKizuna), reload (ms; embedded passages in brackets), memory (MB)',
  );
  lines.push(
    formatTable(
      [
        'passages',
        'cold start',
        'modules',
        'createKizuna',
        'cold + rebuild',
        'reload, none changed',
        'reload, 1 changed',
        'idle RSS',
        'modules RSS',
        'peak RSS',
      ],
      report.scale.map((scale) => [
        count(scale.passages),
        ms(scale.coldStartMs),
        ms(scale.coldStartImportMs),
        ms(scale.coldStartCreateMs),
        ms(scale.coldStartRebuildMs),
        `${ms(scale.noChangeReloadMs)} [${scale.noChangeReloadEmbedded}]`,
        `${ms(scale.oneChangeReloadMs)} [${scale.oneChangeReloadEmbedded}]`,
        mb(scale.idleRssMb),
        mb(scale.modulesRssMb),
        mb(scale.peakRssMb),
      ]),
    ),
  );
  lines.push('');

  lines.push('Targets (offline default)');
  lines.push(
    formatTable(
      ['', 'target', 'measured', ''],
      report.targets.map((target) => [
        target.met === null ? 'n/a' : target.met ? 'met' : 'MISSED',
        target.target,
        target.measured,
        target.name,
      ]),
      [false, false, false, false],
    ),
  );
  lines.push('');
  lines.push(
    `Ran ${(report.durationMs / 1000).toFixed(0)} s from ${report.startedAt}. retrieve = service.retrieve (embedding + search + rerank); ` +
      'index search = PassageIndex.searchByVector on precomputed vectors; ANN recall@24 = share of the exact 24 nearest ' +
      '(brute force) that searchKnn returns; recall@3 = real questions whose real answer passage is in service.retrieve top 3.',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Plain-text table, columns padded to their widest cell; numeric columns (all but the first, by default) are
 * right-aligned.
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAlign?: readonly boolean[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const align = (cell: string, column: number) =>
    (rightAlign?.[column] ?? column > 0) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!);
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => align(cell, column))
      .join('  ')
      .trimEnd();
  return [render(headers), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}

function ms(value: number): string {
  return formatFigure(value);
}

function mb(value: number): string {
  return value.toFixed(0);
}

function ratio(value: number): string {
  return `${formatFigure(value)}×`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
