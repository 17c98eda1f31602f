/**
 * Wakes up waiters whenever the simulator's state changes, so `waitFor` re-checks at once instead of
 * only polling.
 */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Resolves with the first truthy result of `check`, evaluated now, on every change and every
   * `pollMs`; rejects after `timeoutMs` with a message naming `description`.
   */
  waitFor<T>(
    check: () => T | undefined | null | false,
    timeoutMs: number,
    description: string,
    pollMs = 25,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        this.listeners.delete(evaluate);
        clearInterval(poll);
        clearTimeout(deadline);
        action();
      };
      const evaluate = (): void => {
        if (settled) return;
        try {
          const value = check();
          if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      };
      const poll = setInterval(evaluate, pollMs);
      const deadline = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(`Discord simulator: timed out after ${timeoutMs} ms waiting for ${description}`),
            ),
          ),
        timeoutMs,
      );
      this.listeners.add(evaluate);
      evaluate();
    });
  }
}
