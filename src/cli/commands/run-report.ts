import type { StorageConfig } from '../../config/load-storage-config.js';
import type { Logger } from '../../core/logger.js';
import { openDatabase } from '../../storage/open-database.js';
import { coverageGaps, type GapsReport } from '../../storage/coverage-gaps.js';
import type { OutputStream } from '../cli-deps.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { ExitCode, reportFailure } from '../startup.js';

export const REPORT_USAGE = `Usage: npm run report -- [--days N] [--json | --csv]

The coverage-gaps report across every server: questions Kizuna refused, grouped by what the fact sheets were
missing; the answers people marked 👎, with their reasons; and the totals (asked, answered, refused, 👍, 👎).
Reads the database the bot writes (DATABASE_URL, or DATABASE_FILE: .kizuna/kizuna.sqlite by default).

Options:
  --days N   The last N days (1–3650). Default 30.
  --json     One JSON object (the report as the code builds it).
  --csv      CSV with the columns kind,name,count,detail (kind: total, gap, disliked).
  --verbose  Show stack traces on standard error.
  --help     Show this help.

Exit codes: 0 printed, 1 the database could not be read, 2 bad invocation or configuration.`;

const OPTIONS = {
  days: { type: 'string', short: 'd' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `npm run report` touches, injected for tests. */
export interface ReportDeps {
  readonly argv: readonly string[];
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** @throws ConfigError for a bad DATABASE_URL or RETENTION_DAYS */
  readonly loadStorageConfig: () => StorageConfig;
  /** Clock, ms since the epoch. @default Date.now */
  readonly now?: () => number;
  readonly logger?: Logger;
}

/** `npm run report`: the coverage-gaps report across all servers, as text, JSON or CSV. */
export async function runReport(deps: ReportDeps): Promise<number> {
  let values: {
    days?: string | undefined;
    json?: boolean | undefined;
    csv?: boolean | undefined;
    verbose?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    values = parseCliArgs(deps.argv, OPTIONS, false).values;
  } catch (error) {
    return reportFailure(error, deps.stderr, false);
  }
  if (values.help) {
    deps.stdout.write(`${REPORT_USAGE}\n`);
    return ExitCode.ok;
  }
  const verbose = values.verbose === true;
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    deps.stderr.write('--days must be a whole number of days from 1 to 3650.\n');
    return ExitCode.usage;
  }
  if (values.json && values.csv) {
    deps.stderr.write('Choose one of --json and --csv.\n');
    return ExitCode.usage;
  }
  let config: StorageConfig;
  try {
    config = deps.loadStorageConfig();
  } catch (error) {
    return reportFailure(error, deps.stderr, verbose);
  }
  let report: GapsReport;
  try {
    const database = await openDatabase(config, deps.logger);
    try {
      const now = (deps.now ?? Date.now)();
      report = await coverageGaps(database.db, {
        since: now - days * 86_400_000,
        now,
        maxGaps: 25,
        maxDisliked: 10,
      });
    } finally {
      await database.close();
    }
  } catch (error) {
    return reportFailure(error, deps.stderr, verbose, 'Could not read the database');
  }
  if (values.json) deps.stdout.write(`${JSON.stringify({ days, ...report })}\n`);
  else if (values.csv) deps.stdout.write(formatReportCsv(report));
  else deps.stdout.write(formatReportText(report, days));
  return ExitCode.ok;
}

/** The report for a person reading a terminal. */
export function formatReportText(report: GapsReport, days: number): string {
  const t = report.totals;
  const lines = [
    `Coverage gaps, all servers (${report.servers}), last ${days} day${days === 1 ? '' : 's'}`,
    `Asked ${t.asked} · Answered ${t.answered} · Refused ${t.refused} · 👍 ${t.up} · 👎 ${t.down}`,
    '',
    'Refused questions, by what was missing:',
    ...(report.gaps.length === 0
      ? ['  (none)']
      : report.gaps.map(
          (gap) => `  ${gap.term} ×${gap.count}${gap.examples[0] ? ` — e.g. “${gap.examples[0]}”` : ''}`,
        )),
    '',
    "Most 👎'd answers:",
    ...(report.disliked.length === 0
      ? ['  (none)']
      : report.disliked.flatMap((answer) => [
          `  👎 ×${answer.downs}${answer.ups ? ` 👍 ×${answer.ups}` : ''} ${answer.question ? `“${answer.question}”` : '(question text not kept)'} — ${Object.entries(
            answer.reasons,
          )
            .map(([reason, count]) => `${reason} ×${count}`)
            .join(', ')}`,
          ...answer.comments.map((comment) => `      > ${comment}`),
        ])),
  ];
  return `${lines.join('\n')}\n`;
}

/** The report as CSV: `kind,name,count,detail`, one row per total, gap and 👎'd answer (RFC 4180 quoting). */
export function formatReportCsv(report: GapsReport): string {
  const rows: (string | number)[][] = [['kind', 'name', 'count', 'detail']];
  for (const [name, count] of Object.entries(report.totals)) rows.push(['total', name, count, '']);
  rows.push(['total', 'servers', report.servers, '']);
  for (const gap of report.gaps) rows.push(['gap', gap.term, gap.count, gap.examples.join(' | ')]);
  for (const answer of report.disliked) {
    const reasons = Object.entries(answer.reasons).map(([reason, count]) => `${reason}:${count}`);
    rows.push([
      'disliked',
      answer.question ?? answer.answerId,
      answer.downs,
      [...reasons, ...answer.comments].join(' | '),
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
