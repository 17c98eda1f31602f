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

  it('GIVEN a database that refuses a batch THEN it is reported and counted as dropped, and the queue carries on', async () => {
    const { q, errors, dropped } = queue({ fail: true, batchSize: 2 });
    for (let i = 0; i < 3; i += 1) q.push(i);
    await q.flush();
    expect(errors).toHaveLength(2);
    expect(dropped()).toBe(3);
    expect(q.size).toBe(0);
  });
});
