/** Raised by the community store when the database could not do what was asked (down, locked, full, slow). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/**
 * `work`, or a {@link StorageUnavailableError} once it has taken `ms` (the work itself is not cancelled;
 * its late result is ignored) or when it fails.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageUnavailableError(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    throw new StorageUnavailableError(
      `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/** Whether an error is SQLite's "another connection holds the lock" (worth trying again shortly). */
export function isLockContention(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/u.test(code)) return true;
  }
  return false;
}

/**
 * Runs `attempt` until it succeeds, fails otherwise than by lock contention, or `budgetMs` has passed,
 * waiting `pauseMs` between tries without blocking the thread (SQLite's own busy wait does block it, so it
 * is kept short and the waiting is done here). Rejects with the last error.
 */
export async function retryWhileLocked<T>(
  attempt: () => Promise<T>,
  budgetMs: number,
  pauseMs = 40,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockContention(error) || Date.now() + pauseMs >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
