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
  /** Where the readable lines go; never standard output, which carries answers. */
  readonly stream: OutputStream;
  /** `--verbose`: show info (or `LOG_LEVEL` if more detailed) and stack traces. */
  readonly verbose: boolean;
  /**
   * `LOG_LEVEL` from the configuration; only a stricter level than the CLI's default quietens it further.
   * @default 'info'
   */
  readonly configuredLevel?: LogLevel;
}

/**
 * The level the CLI logs at: warnings and errors by default, info with `--verbose`.
 * `LOG_LEVEL` still wins when it asks for less (e.g. `silent`) or, with `--verbose`, for more (`debug`).
 */
export function cliLogLevel(verbose: boolean, configuredLevel: LogLevel = 'info'): LogLevel {
  const floor: LogLevel = verbose ? 'info' : 'warn';
  if (verbose) return LEVEL_RANK[configuredLevel] < LEVEL_RANK.info ? configuredLevel : floor;
  return LEVEL_RANK[configuredLevel] > LEVEL_RANK[floor] ? configuredLevel : floor;
}

/**
 * Turns one pino JSON line into one readable line, e.g. `warning: index is stale (documents=2)`.
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
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
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
 * The logger handed to the core by the CLI: same redaction as the core's logger, but written as
 * readable one-line messages on standard error instead of JSON, so a first-time user is not flooded.
 */
export function createCliLogger(options: CliLoggerOptions): Logger {
  const { stream, verbose } = options;
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
  return createLogger(cliLogLevel(verbose, options.configuredLevel), readable);
}
