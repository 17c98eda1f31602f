import { summarizeProviderHealth } from '../../core/models/provider-health.js';
import stringWidth from 'string-width';

import type { CoreStatus, SourceSummary } from '../../core/types.js';
import { createStyler } from './styler.js';
import type { TerminalFormatOptions } from './terminal-options.js';

/** `1h 02m`, `3m 05s`, `4.2s`, `350ms`: precise enough for uptimes and build times. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)}s`;
  const totalSeconds = Math.floor(ms / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The row labels of {@link formatStatus}, and the two values made of words. */
export interface StatusTerminalLabels {
  readonly title: string;
  readonly knowledge: string;
  readonly knowledgeValue: (sheets: number, passages: number, quotations: number) => string;
  readonly fingerprint: string;
  readonly index: string;
  readonly embedder: string;
  readonly answerer: string;
  readonly provider: string;
  readonly upSince: string;
  readonly questions: string;
  readonly questionsValue: (answered: number, refused: number) => string;
  readonly lastReload: string;
}

export const ENGLISH_STATUS_LABELS: StatusTerminalLabels = {
  title: 'Kizuna status',
  knowledge: 'Knowledge',
  knowledgeValue: (sheets, passages, quotations) =>
    `${plural(sheets, 'fact sheet')}, ${plural(passages, 'passage')}, ${plural(quotations, 'quotation')}`,
  fingerprint: 'Fingerprint',
  index: 'Index',
  embedder: 'Embedder',
  answerer: 'Answerer',
  provider: 'Provider',
  upSince: 'Up since',
  questions: 'Questions',
  questionsValue: (answered, refused) => `${answered} answered, ${refused} refused`,
  lastReload: 'Last reload',
};

export const ENGLISH_FACT_SHEET_LABELS: FactSheetLabels = {
  factSheets: 'Fact sheets',
  sheetSize: (passages, quotations) => `${plural(passages, 'passage')}, ${plural(quotations, 'quotation')}`,
};

/**
 * The core's status as an aligned block of `label: value` lines, with the model provider's state when one
 * is configured. `now` is injectable for tests (the provider line says "12 s ago").
 */
export function formatStatus(
  status: CoreStatus,
  options: TerminalFormatOptions,
  now: Date = new Date(),
  labels: StatusTerminalLabels = ENGLISH_STATUS_LABELS,
): string {
  const style = createStyler(options.color);
  const rows: [string, string][] = [
    [
      labels.knowledge,
      labels.knowledgeValue(status.documentCount, status.passageCount, status.quotationCount),
    ],
    [labels.fingerprint, status.fingerprint.slice(0, 12)],
    [labels.index, status.indexOrigin],
    [labels.embedder, status.embedder],
    [labels.answerer, status.answerer],
    ...(status.provider === undefined
      ? []
      : [[labels.provider, summarizeProviderHealth(status.provider, now)] as [string, string]]),
    [labels.upSince, `${status.startedAt.toISOString()} (${formatDuration(status.uptimeMs)})`],
    [labels.questions, labels.questionsValue(status.questionsAnswered, status.questionsRefused)],
  ];
  if (status.lastReload) {
    const { at, ok, report, error } = status.lastReload;
    const outcome = ok
      ? `ok${report ? ` (+${report.added} −${report.removed} ~${report.changed}, ${formatDuration(report.durationMs)})` : ''}`
      : `failed${error ? `: ${error}` : ''}`;
    rows.push([labels.lastReload, `${outcome} at ${at.toISOString()}`]);
  }
  // Padded by display width, so Japanese labels (two columns a character) line up too.
  const labelWidth = Math.max(...rows.map(([label]) => stringWidth(label))) + 1;
  return [
    style('bold', labels.title),
    ...rows.map(
      ([label, value]) =>
        `  ${style('dim', `${label}:${' '.repeat(labelWidth - stringWidth(label) - 1)}`)} ${value}`,
    ),
  ].join('\n');
}

/** The words of {@link formatFactSheets}; English by default (`chatMessages(language)` has both). */
export interface FactSheetLabels {
  readonly factSheets: string;
  /** "12 passages, 1 quotation". */
  readonly sheetSize: (passages: number, quotations: number) => string;
}

/** The fact sheets Kizuna answers from, one per line with its date and size. */
export function formatFactSheets(
  sources: readonly SourceSummary[],
  options: TerminalFormatOptions,
  labels: FactSheetLabels = ENGLISH_FACT_SHEET_LABELS,
): string {
  const style = createStyler(options.color);
  const lines = [style('bold', labels.factSheets)];
  for (const source of sources) {
    lines.push(`  • ${source.title} (${source.displayDate}) — ${source.publisher}`);
    lines.push(style('dim', `    ${labels.sheetSize(source.passageCount, source.quotationCount)}`));
  }
  return lines.join('\n');
}
