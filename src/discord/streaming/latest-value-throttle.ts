/** Options of {@link createLatestValueThrottle}. */
export interface LatestValueThrottleOptions {
  /** Shortest time between the starts of two flushes, in milliseconds. */
  readonly intervalMs: number;
  /** Called when a flush rejects; the throttle carries on with the next value. @default ignore */
  readonly onError?: (error: unknown) => void;
}

/** Passes on the latest of a stream of values, at most once per interval, one at a time. */
export interface LatestValueThrottle<T> {
  /** Offers a value; it replaces any value still waiting. Ignored after {@link close}. */
  push(value: T): void;
  /**
   * Stops: a value still waiting is dropped, and the returned promise settles once a flush already under way
   * has finished, so whatever the caller sends next is guaranteed to land after it.
   */
  close(): Promise<void>;
}

/**
 * A leading-and-trailing throttle that keeps only the latest value: the first value is flushed at once,
 * later ones wait until `intervalMs` after the previous flush started (and until it finished, so flushes
 * never overlap and arrive in order), and values that arrive meanwhile replace each other. Built for
 * editing a Discord message as text grows: Discord allows about one edit a second, and only the newest
 * text is worth showing.
 */
export function createLatestValueThrottle<T>(
  flush: (value: T) => Promise<void>,
  options: LatestValueThrottleOptions,
): LatestValueThrottle<T> {
  let waiting: { value: T } | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStartedAt = Number.NEGATIVE_INFINITY;
  let closed = false;

  const schedule = (): void => {
    if (closed || waiting === undefined || inFlight !== undefined || timer !== undefined) return;
    const wait = lastStartedAt + options.intervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, wait);
      return;
    }
    const { value } = waiting;
    waiting = undefined;
    lastStartedAt = Date.now();
    inFlight = flush(value)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
  };

  return {
    push(value) {
      if (closed) return;
      waiting = { value };
      schedule();
    },
    async close() {
      closed = true;
      waiting = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
