import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createLatestValueThrottle } from '../../../src/discord/streaming/latest-value-throttle.js';

/** A flush that records what it was given and when, and finishes after `takesMs`. */
function recordingFlush(takesMs = 0) {
  const calls: { value: string; at: number }[] = [];
  const flush = async (value: string): Promise<void> => {
    calls.push({ value, at: Date.now() });
    if (takesMs > 0) await new Promise((resolve) => setTimeout(resolve, takesMs));
  };
  return { calls, flush };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createLatestValueThrottle', () => {
  it('GIVEN a first value THEN it is flushed at once', async () => {
    const { calls, flush } = recordingFlush();
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    throttle.push('one');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([{ value: 'one', at: 0 }]);
  });

  it('GIVEN values arriving faster than the interval THEN only the latest is flushed, one interval after the previous flush', async () => {
    const { calls, flush } = recordingFlush();
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    throttle.push('one');
    await vi.advanceTimersByTimeAsync(100);
    throttle.push('one two');
    await vi.advanceTimersByTimeAsync(100);
    throttle.push('one two three');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toEqual([
      { value: 'one', at: 0 },
      { value: 'one two three', at: 1000 },
    ]);
  });

  it('GIVEN values spread over several seconds THEN no two flushes start less than the interval apart', async () => {
    const { calls, flush } = recordingFlush();
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    for (let step = 0; step < 40; step += 1) {
      throttle.push(`value ${step}`);
      await vi.advanceTimersByTimeAsync(130);
    }
    await vi.advanceTimersByTimeAsync(1000);
    const gaps = calls.slice(1).map((call, index) => call.at - (calls[index]?.at ?? 0));
    expect(gaps.every((gap) => gap >= 1000)).toBe(true);
    expect(calls.at(-1)?.value).toBe('value 39');
  });

  it('GIVEN a flush slower than the interval THEN the next waits for it to finish (no overlap, in order)', async () => {
    const { calls, flush } = recordingFlush(2500);
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    throttle.push('one');
    await vi.advanceTimersByTimeAsync(10);
    throttle.push('two');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([
      { value: 'one', at: 0 },
      { value: 'two', at: 2500 },
    ]);
  });

  it('GIVEN close while a value waits THEN the waiting value is dropped and later pushes are ignored', async () => {
    const { calls, flush } = recordingFlush();
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    throttle.push('one');
    await vi.advanceTimersByTimeAsync(10);
    throttle.push('two');
    await throttle.close();
    throttle.push('three');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.map((call) => call.value)).toEqual(['one']);
  });

  it('GIVEN close during a flush THEN close settles only after that flush has finished', async () => {
    const { flush } = recordingFlush(500);
    const throttle = createLatestValueThrottle(flush, { intervalMs: 1000 });
    throttle.push('one');
    let closed = false;
    const closing = throttle.close().then(() => {
      closed = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await closing;
    expect(closed).toBe(true);
  });

  it('GIVEN a flush that fails THEN the error is reported and the next value is still flushed', async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    const throttle = createLatestValueThrottle(
      async (value: string) => {
        seen.push(value);
        if (value === 'one') throw new Error('edit failed');
      },
      { intervalMs: 1000, onError: (error) => errors.push(error) },
    );
    throttle.push('one');
    await vi.advanceTimersByTimeAsync(10);
    throttle.push('two');
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['one', 'two']);
    expect(errors).toHaveLength(1);
  });
});
