import { KizunaError } from '../../core/errors.js';
import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import { formatDuration } from '../presentation/format-duration.js';

/** Permission to go ahead; call `release` once the work is done (in a `finally`). */
export interface CooldownLease {
  release(): void;
}

/**
 * Per-user, per-command cooldowns, in memory. A user gets one question at a time and then waits
 * `seconds` between questions, so nobody can queue work without bound. Refusals are `KizunaError`s
 * with code `COOLDOWN` and a polite message that says how long to wait.
 */
export class Cooldowns {
  /** `${bucket}:${userId}` → time (ms) before which the next use is refused. */
  private readonly readyAt = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  /** @param now clock, injectable for tests. @default Date.now */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Takes a lease for `userId` on `bucket` (e.g. the command name), or throws `KizunaError('COOLDOWN')`
   * when the user's previous request is still running or its cooldown has not yet passed, worded in
   * `say`'s language.
   */
  acquire(
    userId: string,
    bucket: string,
    seconds: number,
    say: MessageCatalogue = messages('en'),
  ): CooldownLease {
    const key = `${bucket}:${userId}`;
    const now = this.now();
    if (this.inFlight.has(key)) {
      throw new KizunaError('COOLDOWN', say.cooldownBusy);
    }
    const readyAt = this.readyAt.get(key) ?? 0;
    if (now < readyAt) {
      const waitSeconds = Math.ceil((readyAt - now) / 1000);
      throw new KizunaError('COOLDOWN', say.cooldownWait(waitSeconds, formatDuration(waitSeconds * 1000)));
    }
    this.prune(now);
    this.inFlight.add(key);
    this.readyAt.set(key, now + seconds * 1000);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.delete(key);
      },
    };
  }

  /** How many users currently have a cooldown or request recorded (to keep memory bounded). */
  get size(): number {
    return this.readyAt.size;
  }

  private prune(now: number): void {
    if (this.readyAt.size < 1000) return;
    for (const [key, readyAt] of this.readyAt) {
      if (readyAt <= now && !this.inFlight.has(key)) this.readyAt.delete(key);
    }
  }
}
