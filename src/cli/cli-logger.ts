import { Writable } from 'node:stream';

import type { Config } from '../config/load-config.js';
import { createLogger, type Logger } from '../core/logger.js';
import type { OutputStream } from './cli-deps.js';

type LogLevel = Config['logLevel'];

const LEVEL_RANK: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};
const LEVEL_LABEL: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};

/** pino's own fields, which say nothing a person reading one line needs. */
const HIDDEN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'err']);

export interface CliLoggerOptions {
  /** Where the log lines go; never standard output, which carries answers. */
  readonly stream: OutputStream;
  /** `--verbose`: show info and stack traces. */
  readonly verbose: boolean;
  /**
   * `LOG_LEVEL` from the configuration: a stricter level than the CLI's default quietens it further, and
   * `debug` or `trace` turns on the structured JSON logs a developer asked for.
   * @default 'info'
   */
  readonly configuredLevel?: LogLevel;
}

/**
 * Whether `LOG_LEVEL` asks for the structured JSON logs: only at `debug` or more detail. Below that the CLI
 * talks to a person, and a JSON line in the middle of an answer or a table is noise.
 */
export function wantsStructuredLogs(configuredLevel: LogLevel = 'info'): boolean {
  return LEVEL_RANK[configuredLevel] <= LEVEL_RANK.debug;
}

/**
 * The level the CLI logs at: warnings and errors by default, info with `--verbose`, and `LOG_LEVEL` itself
 * when it asks for less (`error`, `silent`) or for debugging detail (`debug`, `trace`).
 */
export function cliLogLevel(verbose: boolean, configuredLevel: LogLevel = 'info'): LogLevel {
  if (wantsStructuredLogs(configuredLevel)) return configuredLevel;
  const floor: LogLevel = verbose ? 'info' : 'warn';
  return LEVEL_RANK[configuredLevel] > LEVEL_RANK[floor] ? configuredLevel : floor;
}

/** A detail a person can read on one line: text, a number or a yes/no (not a nested object). */
function isPlainDetail(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Turns one pino JSON line into one readable line, e.g. `warning: index is stale (documents=2)`.
 * Nested details (objects, lists) are JSON themselves, so they appear only with `--verbose`.
 * Lines that are not JSON pass through unchanged.
 */
export function formatLogLine(jsonLine: string, verbose: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const label = LEVEL_LABEL[Number(record.level)] ?? 'log';
  const message = typeof record.msg === 'string' ? record.msg : '';
  const details = Object.entries(record)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && (verbose || isPlainDetail(value)))
    .map(([key, value]) => `${key}=${isPlainDetail(value) ? String(value) : JSON.stringify(value)}`);
  let line = `${label}: ${message}`;
  if (details.length > 0) line += ` (${details.join(', ')})`;
  const err = record.err as { message?: unknown; stack?: unknown } | undefined;
  if (err && typeof err === 'object') {
    if (verbose && typeof err.stack === 'string') line += `\n${err.stack}`;
    else if (typeof err.message === 'string') line += `: ${err.message}`;
  }
  return `${line}\n`;
}

/**
 * The logger handed to the core by the CLI and the evaluation: same redaction as the core's logger, written
 * as readable one-line messages on standard error, so a first-time user is not flooded with JSON; with
 * `LOG_LEVEL=debug` (or `trace`), the structured JSON logs themselves.
 */
export function createCliLogger(options: CliLoggerOptions): Logger {
  const { stream, verbose } = options;
  const level = cliLogLevel(verbose, options.configuredLevel);
  if (wantsStructuredLogs(options.configuredLevel)) return createLogger(level, stream);
  const readable = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const line of text.split('\n')) {
        if (line.trim() !== '') stream.write(formatLogLine(line, verbose));
      }
      callback();
    },
  });
  return createLogger(level, readable);
}
