import type { Config } from '../config/load-config.js';
import type { CreateKizunaOptions } from '../core/create-kizuna.js';
import type { KizunaCore } from '../core/types.js';

/** An output stream as the CLI sees it: a terminal (with `isTTY`, `columns`, `hasColors`) or a pipe/file. */
export interface OutputStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  hasColors?(): boolean;
}

/**
 * What the CLI hands to the core factory: `createKizuna`'s options, `forceRebuild` included
 * (`npm run index -- --rebuild`).
 */
export type CoreFactoryOptions = CreateKizunaOptions;

/** Builds the core; `createKizuna` in production, a fake in tests. */
export type CoreFactory = (options: CoreFactoryOptions) => Promise<KizunaCore>;

/**
 * Everything a CLI command touches, injected so each command is a plain async function that tests can drive.
 * Commands return their exit code instead of calling `process.exit`.
 */
export interface CliDeps {
  /** Arguments after the script name (`process.argv.slice(2)`). */
  readonly argv: readonly string[];
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Whether standard input is an interactive terminal (decides prompts and reading a question from a pipe). */
  readonly isTTY: boolean;
  readonly createCore: CoreFactory;
  /**
   * Reads configuration. Tests pass `() => loadConfig({...})` so nothing global is read.
   * @default loadConfig() (`.env` merged under the environment)
   */
  readonly loadConfig?: () => Config;
  /**
   * Clock for measuring durations.
   * @default performance.now
   */
  readonly now?: () => number;
}
