import { describe, expect, it } from 'vitest';

import { RecordingQueue } from '../../src/storage/recording-queue.js';

function queue(options: { capacity?: number; batchSize?: number; delayMs?: number; fail?: boolean } = {}) {
  const batches: number[][] = [];
  const errors: unknown[] = [];
  let dropped = 0;
  const q = new RecordingQueue<number>(
    async (batch) => {
      await Promise.resolve();
      if (options.fail) throw new Error('database is locked');
      batches.push(batch);
    },
    (rows) => (dropped += rows),
    (error) => errors.push(error),
    options,
  );
  return { q, batches, errors, dropped: () => dropped };
}

describe('RecordingQueue', () => {
  it('GIVEN rows pushed THEN push returns at once and nothing is written before the caller continues', () => {
    const { q, batches } = queue();
    expect(q.push(1)).toBe(true);
    expect(batches).toEqual([]);
    expect(q.size).toBe(1);
  });

  it('GIVEN a burst THEN rows are written together, at most batchSize to a transaction, in order', async () => {
    const { q, batches } = queue({ batchSize: 3, delayMs: 50 });
    for (let i = 1; i <= 7; i += 1) q.push(i);
    await q.flush();
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('GIVEN fewer rows than a batch THEN they are written once the delay has passed, without a flush', async () => {
    const { q, batches } = queue({ delayMs: 20 });
    q.push(1);
    q.push(2);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(batches).toEqual([[1, 2]]);
  });

  it('GIVEN a full queue THEN new rows are dropped and counted, memory stays bounded', async () => {
    const { q, dropped } = queue({ capacity: 2, delayMs: 1000 });
    expect([q.push(1), q.push(2), q.push(3)]).toEqual([true, true, false]);
    expect(dropped()).toBe(1);
    expect(q.size).toBe(2);
    await q.flush();
  });

  it('GIVEN a database that refuses a batch THEN the rows are kept for a later try, and written once it works again', async () => {
    let refuse = true;
    const written: number[][] = [];
    const errors: unknown[] = [];
    const q = new RecordingQueue<number>(
      async (batch) => {
        await Promise.resolve();
        if (refuse) throw new Error('database is locked');
        written.push(batch);
      },
      () => undefined,
      (error) => errors.push(error),
      { batchSize: 2, delayMs: 10, retryAfterMs: 30 },
    );
    for (let i = 0; i < 3; i += 1) q.push(i);
    await q.flush();
    expect(errors).toHaveLength(1);
    expect(q.size).toBe(3);
    refuse = false;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written.flat()).toEqual([0, 1, 2]);
    expect(q.size).toBe(0);
  });

  it('GIVEN a long outage THEN waiting rows stay within capacity, the overflow counted as dropped', async () => {
    let dropped = 0;
    const q = new RecordingQueue<number>(
      () => Promise.reject(new Error('connect ECONNREFUSED')),
      (rows) => (dropped += rows),
      () => undefined,
      { capacity: 3, batchSize: 2, retryAfterMs: 10_000 },
    );
    for (let i = 0; i < 3; i += 1) q.push(i);
    await q.flush();
    expect(q.push(4)).toBe(false);
    expect(q.size).toBe(3);
    expect(dropped).toBe(1);
    q.stop();
  });
});
