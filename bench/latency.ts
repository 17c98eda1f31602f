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

/**
 * Times several operations on the same items side by side: for each item, every operation runs once, in an order
 * that rotates from item to item, so a burst of load from elsewhere on the machine hits all of them alike and their
 * ratios stay meaningful. A promise an operation returns is awaited inside its timing; a synchronous operation pays
 * for no promise machinery. One untimed warm-up pass first.
 * @returns every operation's samples in ms, keyed like `operations`.
 */
export async function sampleSideBySide<T, K extends string>(
  items: readonly T[],
  rounds: number,
  operations: Readonly<Record<K, (item: T) => unknown>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(operations) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = -1; round < rounds; round += 1) {
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index]!;
      for (let step = 0; step < names.length; step += 1) {
        const name = names[(index + step) % names.length]!;
        const started = performance.now();
        const result = operations[name](item);
        if (isPromiseLike(result)) await result;
        const elapsed = performance.now() - started;
        if (round >= 0) samples[name].push(elapsed);
      }
    }
  }
  return samples;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
