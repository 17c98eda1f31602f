/** How `npm run bench` was asked to run. */
export interface BenchOptions {
  /** Print one JSON object instead of the table. */
  readonly json: boolean;
  /** Exit with status 1 when a measured target is missed. */
  readonly check: boolean;
  /** Synthetic sizes (total passages, real ones included) measured after the real knowledge base. */
  readonly sizes: readonly number[];
  readonly help: boolean;
}

/** The synthetic sizes of a full run. */
export const DEFAULT_SIZES: readonly number[] = [10_000, 100_000];
/** The synthetic sizes of `--quick`. */
export const QUICK_SIZES: readonly number[] = [10_000];

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--sizes 10000,50000] [--json] [--check]

Measures Kizuna (offline default) on the real fact sheets and on synthetic knowledge bases grown from them.
  --quick         synthetic size 10,000 only (default: 10,000 and 100,000)
  --sizes LIST    synthetic sizes to measure instead, comma-separated passage counts
  --json          print one JSON object instead of the table (reports/bench.json is written either way)
  --check         exit with status 1 when a measured target is missed`;

/** A command line the bench cannot run; the message says what is wrong. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** Parses the bench's arguments (without node and the script). @throws BenchUsageError */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let json = false;
  let check = false;
  let quick = false;
  let help = false;
  let sizes: number[] | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--check') check = true;
    else if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
      const value = arg === '--sizes' ? argv[++i] : arg.slice('--sizes='.length);
      if (value === undefined || value.trim() === '')
        throw new BenchUsageError('--sizes needs a list, e.g. --sizes 10000,50000');
      sizes = parseSizes(value);
    } else {
      throw new BenchUsageError(`unknown argument "${arg}"\n\n${BENCH_USAGE}`);
    }
  }
  return { json, check, help, sizes: sizes ?? (quick ? QUICK_SIZES : DEFAULT_SIZES) };
}

function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((part) => {
    const trimmed = part.trim().replace(/_/g, '');
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
      throw new BenchUsageError(`--sizes: "${part.trim()}" is not a passage count (a positive whole number)`);
    }
    return Number(trimmed);
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}
