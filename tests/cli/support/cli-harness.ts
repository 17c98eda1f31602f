import { Readable, Writable } from 'node:stream';

import { loadConfig } from '../../../src/config/load-config.js';
import type { CliDeps, CoreFactory, OutputStream } from '../../../src/cli/cli-deps.js';

/** An output stream that keeps everything written to it; optionally pretends to be a colour terminal. */
export interface CapturedOutput extends OutputStream {
  readonly text: () => string;
}

export function captureOutput(
  terminal: { isTTY?: boolean; columns?: number; colors?: boolean } = {},
): CapturedOutput {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      callback();
    },
  });
  return Object.assign(stream, {
    isTTY: terminal.isTTY ?? false,
    columns: terminal.columns,
    hasColors: () => terminal.colors ?? false,
    text: () => chunks.join(''),
  });
}

export interface HarnessOptions {
  readonly argv: readonly string[];
  readonly createCore: CoreFactory;
  /** Text on standard input; standard input counts as a terminal when undefined. */
  readonly stdin?: string;
  readonly env?: Record<string, string>;
  readonly stdout?: CapturedOutput;
  readonly stderr?: CapturedOutput;
}

export interface Harness {
  readonly deps: CliDeps;
  readonly stdout: CapturedOutput;
  readonly stderr: CapturedOutput;
}

/** Dependencies for a command run entirely in memory, with configuration from `env` only. */
export function harness(options: HarnessOptions): Harness {
  const stdout = options.stdout ?? captureOutput();
  const stderr = options.stderr ?? captureOutput();
  return {
    stdout,
    stderr,
    deps: {
      argv: options.argv,
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
      stdout,
      stderr,
      isTTY: options.stdin === undefined,
      createCore: options.createCore,
      loadConfig: () => loadConfig({ ...options.env }),
    },
  };
}

/** Matches any ANSI escape sequence. */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*m/;
