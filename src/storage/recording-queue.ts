/** Tuning of a {@link RecordingQueue}. */
export interface RecordingQueueOptions {
  /** Rows that may wait; past it new rows are dropped and counted. @default 1000 */
  readonly capacity?: number;
  /** Most rows written in one transaction. @default 100 */
  readonly batchSize?: number;
  /** How long a row may wait for others to share its transaction, in ms. @default 1000 */
  readonly delayMs?: number;
  /** After a failed write, how long before the next try, in ms. @default 5000 */
  readonly retryAfterMs?: number;
}

/**
 * A bounded queue of rows written in the background, in batches, so recording never delays an answer:
 * `push` returns at once; rows wait up to `delayMs` (or until `batchSize` are waiting) and are then written
 * together in one transaction, so a burst of questions costs one commit (one fsync) rather than one each,
 * and an engine that writes on the main thread (SQLite) holds it briefly and rarely.
 *
 * When the database refuses a batch (down, locked, full), its rows go back to the front of the queue and the
 * next try waits `retryAfterMs`, so a short outage loses nothing and a long one costs one quick failure per
 * interval, not one per question. Memory stays bounded: past `capacity` waiting rows, new rows are dropped
 * and counted.
 */
export class RecordingQueue<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly delayMs: number;
  private readonly retryAfterMs: number;
  private failing = false;

  /**
   * @param write writes one batch (one transaction); rejects when the database refused it
   * @param onDropped told how many rows were dropped because the queue was full
   * @param onError told of each failed write (the rows are kept for the next try)
   */
  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly onDropped: (rows: number) => void,
    private readonly onError: (error: unknown) => void,
    options: RecordingQueueOptions = {},
  ) {
    this.capacity = options.capacity ?? 1000;
    this.batchSize = Math.max(1, options.batchSize ?? 100);
    this.delayMs = options.delayMs ?? 1000;
    this.retryAfterMs = options.retryAfterMs ?? 5000;
  }

  /** Queues a row; false when it was dropped (queue full). Never throws, never waits. */
  push(item: T): boolean {
    if (this.items.length >= this.capacity) {
      this.onDropped(1);
      return false;
    }
    this.items.push(item);
    if (!this.failing) this.schedule(this.items.length >= this.batchSize ? 0 : this.delayMs);
    return true;
  }

  /** Rows waiting (not counting a batch being written). */
  get size(): number {
    return this.items.length;
  }

  /**
   * Tries to write everything queued now (even while waiting to retry), and resolves once every row queued so
   * far has been written or its write has failed once (failed rows stay queued).
   */
  async flush(): Promise<void> {
    // A write already under way that fails counts as this flush's try.
    if (this.running && !(await this.running)) return;
    if (this.items.length === 0) return;
    this.clearTimer();
    this.run(Promise.resolve());
    await this.running;
  }

  /** Stops the timers (rows still queued stay until {@link flush}). */
  stop(): void {
    this.clearTimer();
  }

  /** Starts a drain after `delayMs` (0: on the next turn, so the caller's reply goes out first). */
  private schedule(delayMs: number): void {
    if (this.running || this.timer) {
      if (delayMs > 0 || this.running) return;
      this.clearTimer();
    }
    if (delayMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.run(Promise.resolve());
      }, delayMs);
      this.timer.unref();
      return;
    }
    this.run(new Promise<void>((resolve) => setImmediate(resolve)));
  }

  /** Drains once `after` resolves; `running` is set at once, so `flush` can wait on it. */
  private run(after: Promise<void>): void {
    this.running = after
      .then(() => this.drain())
      .finally(() => {
        this.running = undefined;
      });
    void this.running.then((ok) => {
      if (this.items.length === 0) return;
      if (!ok) this.schedule(this.retryAfterMs);
      else this.schedule(this.items.length >= this.batchSize ? 0 : this.delayMs);
    });
  }

  /** Writes batches until the queue is empty (true) or one fails (false; its rows go back in front). */
  private async drain(): Promise<boolean> {
    while (this.items.length > 0) {
      const batch = this.items.splice(0, this.batchSize);
      try {
        await this.write(batch);
        this.failing = false;
      } catch (error) {
        this.failing = true;
        this.onError(error);
        const kept = [...batch, ...this.items];
        if (kept.length > this.capacity) this.onDropped(kept.length - this.capacity);
        this.items = kept.slice(0, this.capacity);
        return false;
      }
    }
    return true;
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
