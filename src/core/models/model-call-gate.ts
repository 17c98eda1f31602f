import PQueue from 'p-queue';

import { KizunaError } from '../errors.js';

export interface ModelCallGateOptions {
  /** Model calls allowed at once; more wait in a queue. @default 4 */
  readonly maxConcurrent?: number;
  /**
   * Longest wait for a free slot, in milliseconds. Past it the call is refused at once, so the person gets
   * the offline answer instead of waiting behind others. @default 2000
   */
  readonly maxQueueWaitMs?: number;
}

/**
 * Caps concurrent model calls (a burst of questions must not become a burst of paid, rate-limited
 * requests) with a FIFO queue (p-queue) and a bounded wait.
 */
export class ModelCallGate {
  private readonly queue: PQueue;
  private readonly maxQueueWaitMs: number;

  constructor(options: ModelCallGateOptions = {}) {
    this.queue = new PQueue({ concurrency: options.maxConcurrent ?? 4 });
    this.maxQueueWaitMs = options.maxQueueWaitMs ?? 2_000;
  }

  /** Calls running now. */
  get inFlight(): number {
    return this.queue.pending;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.queue.size;
  }

  /**
   * Runs `task` when a slot is free.
   *
   * @throws KizunaError `PROVIDER_UNAVAILABLE` when no slot freed up within `maxQueueWaitMs` (the task is
   *   then removed from the queue and never runs); otherwise whatever `task` throws.
   */
  async run<T>(task: () => Promise<T>, describe: () => string): Promise<T> {
    const waited = new AbortController();
    const timer = setTimeout(() => waited.abort(), this.maxQueueWaitMs);
    try {
      return await this.queue.add(
        () => {
          clearTimeout(timer);
          return task();
        },
        { signal: waited.signal },
      );
    } catch (error) {
      if (waited.signal.aborted) {
        throw new KizunaError(
          'PROVIDER_UNAVAILABLE',
          `The ${describe()} is busy: no free slot within ${this.maxQueueWaitMs} ms (${this.queue.size} waiting)`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
