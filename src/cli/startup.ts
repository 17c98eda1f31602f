import { ConfigError, loadConfig, type Config } from '../config/load-config.js';
import type { Logger } from '../core/logger.js';
import { isKizunaError } from '../core/errors.js';
import type { KizunaCore } from '../core/types.js';
import type { CliDeps, OutputStream } from './cli-deps.js';
import { createCliLogger } from './cli-logger.js';
import { CliUsageError, parseCliArgs, type CliOptions } from './parse-cli-args.js';

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** Start-up failed, the core failed, or (quote) nothing matched. */
  failure: 1,
  /** The invocation or input was wrong: unknown flag, empty or over-long question, invalid configuration. */
  usage: 2,
} as const;

/**
 * Prints a failure the way a person should see it and returns the exit code:
 * configuration and usage errors as their message (2), anything else as a short message (1).
 * Stack traces only with `--verbose`.
 */
export function reportFailure(
  error: unknown,
  stderr: OutputStream,
  verbose: boolean,
  doing = 'Kizuna could not start',
): number {
  if (error instanceof ConfigError || error instanceof CliUsageError) {
    stderr.write(`${error.message}\n`);
    return ExitCode.usage;
  }
  if (isKizunaError(error)) {
    stderr.write(`${error.message}\n`);
    return ExitCode.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${doing}: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('Run again with --verbose for details.\n');
  return ExitCode.failure;
}

/** Reads the configuration through the injected loader; a {@link ConfigError} becomes exit code 2. */
export function loadCliConfig(deps: CliDeps, verbose: boolean): Config | number {
  try {
    return deps.loadConfig ? deps.loadConfig() : loadConfig();
  } catch (error) {
    return reportFailure(error, deps.stderr, verbose);
  }
}

export interface StartedCore {
  readonly core: KizunaCore;
  readonly logger: Logger;
}

export interface StartCoreOptions {
  readonly config: Config;
  readonly verbose: boolean;
  readonly onIndexProgress?: (done: number, total: number) => void;
  readonly forceRebuild?: boolean;
}

/** Creates the CLI logger and the core; on failure prints why and returns the exit code instead. */
export async function startCore(deps: CliDeps, options: StartCoreOptions): Promise<StartedCore | number> {
  const logger = createCliLogger({
    stream: deps.stderr,
    verbose: options.verbose,
    configuredLevel: options.config.logLevel,
  });
  try {
    const core = await deps.createCore({
      config: options.config,
      logger,
      ...(options.onIndexProgress ? { onIndexProgress: options.onIndexProgress } : {}),
      ...(options.forceRebuild ? { forceRebuild: true } : {}),
    });
    return { core, logger };
  } catch (error) {
    return reportFailure(error, deps.stderr, options.verbose);
  }
}

/**
 * The start of every command: parse its arguments (a usage error prints and exits 2) and answer `--help`.
 * Returns the parsed arguments with `verbose`, or the exit code when the command is already done.
 */
export function readCommandArgs<T extends CliOptions>(
  deps: CliDeps,
  options: T,
  usage: string,
  allowPositionals = false,
): (ReturnType<typeof parseCliArgs<T>> & { readonly verbose: boolean }) | number {
  let args: ReturnType<typeof parseCliArgs<T>>;
  try {
    args = parseCliArgs(deps.argv, options, allowPositionals);
  } catch (error) {
    return reportFailure(error, deps.stderr, false);
  }
  const flags = args.values as Record<string, unknown>;
  if (flags.help === true) {
    deps.stdout.write(`${usage}\n`);
    return ExitCode.ok;
  }
  return { ...args, verbose: flags.verbose === true };
}
