import cliProgress from 'cli-progress';

import type { OutputStream } from './cli-deps.js';

export interface IndexProgressOptions {
  /** Where the bar is drawn (standard error, so standard output stays clean). */
  readonly stream: OutputStream;
  /**
   * Draw nothing when false (not a terminal, `--json`).
   * @default stream.isTTY
   */
  readonly enabled?: boolean;
  /**
   * A bar appears only once a build has run this long: quick builds and loads stay silent.
   * @default 500
   */
  readonly delayMs?: number;
  /** @default performance.now */
  readonly now?: () => number;
}

/** Receives the core's `onIndexProgress` calls and decides whether a bar is worth drawing. */
export interface IndexProgress {
  readonly onProgress: (done: number, total: number) => void;
  /** Removes the bar, if one was drawn. Safe to call more than once. */
  stop(): void;
  /** Whether the core reported any progress (i.e. it embedded passages rather than loading the index). */
  readonly reported: boolean;
  /** Whether a bar was actually drawn. */
  readonly drawn: boolean;
}

export function createIndexProgress(options: IndexProgressOptions): IndexProgress {
  const enabled = options.enabled ?? options.stream.isTTY === true;
  const delayMs = options.delayMs ?? 500;
  const now = options.now ?? (() => performance.now());
  let startedAt: number | undefined;
  let bar: cliProgress.SingleBar | undefined;
  let reported = false;
  let drawn = false;

  return {
    onProgress(done, total) {
      reported = true;
      startedAt ??= now();
      if (bar) {
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done);
        return;
      }
      if (!enabled || done >= total || now() - startedAt < delayMs) return;
      bar = new cliProgress.SingleBar(
        {
          stream: options.stream,
          format: 'Indexing {bar} {percentage}% | {value}/{total} passages | ETA {eta_formatted}',
          barsize: 30,
          clearOnComplete: true,
          // No hidden cursor and no signal handlers: cli-progress's SIGINT handler would stop the bar but swallow
          // Ctrl-C, and a hidden cursor would outlive an interrupted build.
          hideCursor: false,
          gracefulExit: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
      drawn = true;
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
    get reported() {
      return reported;
    },
    get drawn() {
      return drawn;
    },
  };
}
