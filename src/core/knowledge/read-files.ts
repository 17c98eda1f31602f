import { open, readFile, stat } from 'node:fs/promises';

/** Files read at once by {@link readFilesTogether}. */
const CONCURRENT_READS = 16;

/**
 * Reads many small files into views of one buffer, in the order given: what `readFile` on each would give, but a
 * thousand allocations of tens of kilobytes each become one. The allocator keeps small freed blocks for reuse
 * instead of returning them, so reading a large archive file by file left ~75 MB of resident memory behind at
 * 100,000 passages; one large block is returned whole once the views are dropped. Keep no view longer than the
 * call that uses it: any one keeps the whole buffer alive.
 * @param missing - what a path that cannot be read gives instead of a view (by default the error is thrown).
 * @throws the first read error, unless `missing` is given.
 */
export async function readFilesTogether(
  paths: readonly string[],
  missing?: (path: string, error: unknown) => Buffer | undefined,
): Promise<(Buffer | undefined)[]> {
  const sizes = await inBatches(paths, (path) =>
    stat(path).then(
      (info) => info.size,
      (error: unknown) => failed(path, error, missing),
    ),
  );
  const total = sizes.reduce<number>((sum, size) => sum + (typeof size === 'number' ? size : 0), 0);
  const buffer = Buffer.allocUnsafeSlow(total);
  const offsets: number[] = [];
  sizes.reduce<number>((offset, size) => {
    offsets.push(offset);
    return offset + (typeof size === 'number' ? size : 0);
  }, 0);
  return inBatches(paths, async (path, i) => {
    const size = sizes[i];
    if (typeof size !== 'number') return size;
    const view = buffer.subarray(offsets[i], offsets[i]! + size);
    try {
      const whole = await readInto(path, view);
      // A file that changed size since it was measured is read on its own.
      return whole ? view : await readFile(path);
    } catch (error) {
      return failed(path, error, missing);
    }
  });
}

function failed(
  path: string,
  error: unknown,
  missing: ((path: string, error: unknown) => Buffer | undefined) | undefined,
): Buffer | undefined {
  if (missing === undefined) throw error;
  return missing(path, error);
}

/** Fills `view` from the file; true when the file is exactly that long. */
async function readInto(path: string, view: Buffer): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    let filled = 0;
    while (filled < view.length) {
      const { bytesRead } = await handle.read(view, filled, view.length - filled, filled);
      if (bytesRead === 0) return false;
      filled += bytesRead;
    }
    const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, filled);
    return bytesRead === 0;
  } finally {
    await handle.close();
  }
}

async function inBatches<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, items.length) }, worker));
  return results;
}
