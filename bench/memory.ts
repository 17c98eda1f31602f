import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const BYTES_PER_MB = 1024 * 1024;

/** Resident set size now, in MB. */
export function currentRssMb(): number {
  return process.memoryUsage.rss() / BYTES_PER_MB;
}

/** The kernel's record of this process's highest RSS so far, in MB (catches peaks between samples). */
export function kernelPeakRssMb(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return process.resourceUsage().maxRSS / 1024;
}

export interface RssSampler {
  /** Highest RSS seen so far, in MB: the larger of the polled samples and the kernel's own peak. */
  peakMb(): number;
  /** Stops polling; returns the peak. Safe to call twice. */
  stop(): number;
}

/**
 * Polls RSS on an interval to find the peak of a phase. The timer is unref'd, so it never keeps a process alive;
 * synchronous native work (an HNSW insert batch) can hide a short peak from polling, hence the kernel figure too.
 * @param intervalMs @default 5
 */
export function startRssSampler(intervalMs = 5): RssSampler {
  let peak = currentRssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, currentRssMb());
  }, intervalMs);
  timer.unref();
  const peakMb = () => Math.max(peak, currentRssMb(), kernelPeakRssMb());
  return {
    peakMb,
    stop() {
      clearInterval(timer);
      return peakMb();
    },
  };
}

/**
 * A way to run a full garbage collection: `globalThis.gc` when the process runs with `--expose-gc`, otherwise one
 * obtained by turning the flag on at run time. Undefined if neither works (RSS is then measured without it).
 */
export function garbageCollector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const fresh = runInNewContext('gc') as unknown;
    return typeof fresh === 'function' ? (fresh as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * RSS of a process at rest: collects garbage (twice, so finalisers' frees are collected too), lets the allocator
 * return memory for `settleMs`, then reads RSS, in MB.
 * @param settleMs @default 250
 */
export async function idleRssMb(settleMs = 250): Promise<number> {
  const gc = garbageCollector();
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  gc?.();
  return currentRssMb();
}
