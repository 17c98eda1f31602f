import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was invoked (unknown flag, missing value): shown as is, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Option definitions as `node:util` parseArgs takes them. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs in strict mode, with its errors rewritten as {@link CliUsageError}s that
 * name the offending argument and point at `--help`.
 */
export function parseCliArgs<T extends CliOptions>(
  argv: readonly string[],
  options: T,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliUsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs quotes the offending argument: "Unknown option '--foo'. To specify a positional…"
  const culprit = /'([^']+)'/.exec(message)?.[1];
  const hint = 'Run with --help to see the options.';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return culprit ? `Unknown option ${culprit}. ${hint}` : `Unknown option. ${hint}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return culprit ? `Unexpected argument ${culprit}. ${hint}` : `Unexpected argument. ${hint}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${message.replace(/\.$/, '')}. ${hint}`;
    default:
      return message;
  }
}
