import { performance } from 'node:perf_hooks';

/**
 * Times `run` once per item per round, after an untimed warm-up, and returns every sample in ms.
 * Items run one at a time, in order, so samples are not inflated by contention with each other.
 * @param warmUpItems how many items the warm-up runs (a slow operation needs few to be compiled). @default all
 */
export async function sampleLatencies<T>(
  items: readonly T[],
  rounds: number,
  run: (item: T) => Promise<unknown>,
  warmUpItems = items.length,
): Promise<number[]> {
  for (const item of items.slice(0, warmUpItems)) await run(item);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const item of items) {
      const started = performance.now();
      await run(item);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

/** {@link sampleLatencies} for synchronous work, so no promise machinery is timed along with it. */
export function sampleSyncLatencies<T>(items: readonly T[], rounds: number, run: (item: T) => unknown): number[] {
  for (const item of items) run(item);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const item of items) {
      const started = performance.now();
      run(item);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}
