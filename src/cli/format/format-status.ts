import { summarizeProviderHealth } from '../../core/models/provider-health.js';
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

/**
 * The core's status as an aligned block of `label: value` lines, with the model provider's state when one
 * is configured. `now` is injectable for tests (the provider line says "12 s ago").
 */
export function formatStatus(
  status: CoreStatus,
  options: TerminalFormatOptions,
  now: Date = new Date(),
): string {
  const style = createStyler(options.color);
  const rows: [string, string][] = [
    [
      'Knowledge',
      `${plural(status.documentCount, 'fact sheet')}, ${plural(status.passageCount, 'passage')}, ${plural(status.quotationCount, 'quotation')}`,
    ],
    ['Fingerprint', status.fingerprint.slice(0, 12)],
    ['Index', status.indexOrigin],
    ['Embedder', status.embedder],
    ['Answerer', status.answerer],
    ...(status.provider === undefined
      ? []
      : [['Provider', summarizeProviderHealth(status.provider, now)] as [string, string]]),
    ['Up since', `${status.startedAt.toISOString()} (${formatDuration(status.uptimeMs)})`],
    ['Questions', `${status.questionsAnswered} answered, ${status.questionsRefused} refused`],
  ];
  if (status.lastReload) {
    const { at, ok, report, error } = status.lastReload;
    const outcome = ok
      ? `ok${report ? ` (+${report.added} −${report.removed} ~${report.changed}, ${formatDuration(report.durationMs)})` : ''}`
      : `failed${error ? `: ${error}` : ''}`;
    rows.push(['Last reload', `${outcome} at ${at.toISOString()}`]);
  }
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 1;
  return [
    style('bold', 'Kizuna status'),
    ...rows.map(([label, value]) => `  ${style('dim', `${label}:`.padEnd(labelWidth))} ${value}`),
  ].join('\n');
}

/** The fact sheets Kizuna answers from, one per line with its date and size. */
export function formatFactSheets(sources: readonly SourceSummary[], options: TerminalFormatOptions): string {
  const style = createStyler(options.color);
  const lines = [style('bold', 'Fact sheets')];
  for (const source of sources) {
    lines.push(`  • ${source.title} (${source.displayDate}) — ${source.publisher}`);
    lines.push(
      style(
        'dim',
        `    ${plural(source.passageCount, 'passage')}, ${plural(source.quotationCount, 'quotation')}`,
      ),
    );
  }
  return lines.join('\n');
}
