/** Tuning of a {@link RecordingQueue}. */
export interface RecordingQueueOptions {
  /** Rows that may wait; past it new rows are dropped and counted. @default 1000 */
  readonly capacity?: number;
  /** Most rows written in one transaction. @default 100 */
  readonly batchSize?: number;
  /** How long a row may wait for others to share its transaction, in ms. @default 1000 */
  readonly delayMs?: number;
}

/**
 * A bounded queue of rows written in the background, in batches, so recording never delays an answer:
 * `push` returns at once; rows wait up to `delayMs` (or until `batchSize` are waiting) and are then written
 * together in one transaction, so a burst of questions costs one commit (one fsync) rather than one each,
 * and an engine that writes on the main thread (SQLite) holds it briefly and rarely. When `capacity` rows
 * are already waiting (the database is slow or down), a new row is dropped and counted rather than memory
 * growing without bound. A failed batch is reported and dropped; the queue carries on.
 */
export class RecordingQueue<T> {
  private readonly items: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly capacity: number;
  private readonly batchSize: number;
  private readonly delayMs: number;

  /**
   * @param write writes one batch (one transaction); rejects when the database refused it
   * @param onDropped told how many rows were dropped (queue full, or their batch failed)
   * @param onError told of each failed batch
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
  }

  /** Queues a row; false when it was dropped (queue full). Never throws, never waits. */
  push(item: T): boolean {
    if (this.items.length >= this.capacity) {
      this.onDropped(1);
      return false;
    }
    this.items.push(item);
    if (this.items.length >= this.batchSize) this.start(0);
    else this.start(this.delayMs);
    return true;
  }

  /** Rows waiting (not counting a batch being written). */
  get size(): number {
    return this.items.length;
  }

  /** Writes everything queued now, and resolves once every row queued so far has been tried. */
  async flush(): Promise<void> {
    while (this.items.length > 0 || this.running) {
      if (!this.running) this.start(0);
      await this.running;
    }
  }

  /** Stops the delay timer (rows still queued stay until {@link flush}). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Starts a drain after `delayMs` (0: on the next turn, so the caller's reply goes out first). */
  private start(delayMs: number): void {
    if (this.running) return;
    if (delayMs > 0) {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.run(Promise.resolve());
      }, delayMs);
      this.timer.unref();
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.run(new Promise<void>((resolve) => setImmediate(resolve)));
  }

  /** Drains once `after` resolves; `running` is set at once, so `flush` can wait on it. */
  private run(after: Promise<void>): void {
    this.running = after
      .then(() => this.drain())
      .finally(() => {
        this.running = undefined;
        if (this.items.length > 0) this.start(this.items.length >= this.batchSize ? 0 : this.delayMs);
      });
  }

  private async drain(): Promise<void> {
    while (this.items.length > 0) {
      const batch = this.items.splice(0, this.batchSize);
      try {
        await this.write(batch);
      } catch (error) {
        this.onDropped(batch.length);
        this.onError(error);
      }
    }
  }
}
