/**
 * A bounded queue of writes, run one at a time in the background, so recording never delays an answer:
 * `push` returns at once, and when `capacity` writes are already waiting (the database is slow or down)
 * the new one is dropped and counted, rather than memory growing without bound.
 */
export class RecordingQueue {
  private readonly tasks: Array<() => Promise<void>> = [];
  private running: Promise<void> | undefined;

  /**
   * @param capacity writes that may wait. @default 1000
   * @param onDropped told of each write dropped because the queue was full
   * @param onError told of each write that failed (the queue carries on with the next)
   */
  constructor(
    private readonly onDropped: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly capacity = 1000,
  ) {}

  /** Queues a write; false when it was dropped (queue full). Never throws, never waits. */
  push(task: () => Promise<void>): boolean {
    if (this.tasks.length >= this.capacity) {
      this.onDropped();
      return false;
    }
    this.tasks.push(task);
    // Started on a later turn: the caller's reply goes out before any database work begins.
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return true;
  }

  /** Writes waiting (not counting one being written). */
  get size(): number {
    return this.tasks.length;
  }

  /** Resolves once every write queued so far has been tried. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
        try {
          await task();
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
