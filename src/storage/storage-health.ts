import type { Logger } from '../core/logger.js';

/** What `/status` and the logs say about storage. */
export interface StorageHealthSnapshot {
  /** "SQLite (.kizuna/kizuna.sqlite)", "PostgreSQL (db.example:5432/kizuna)", or "off". */
  readonly database: string;
  /** `ok`: the last operation succeeded; `failing`: it failed (answers carry on, nothing is recorded). */
  readonly state: 'ok' | 'failing' | 'off';
  /** The last failure's message (no secrets: drivers do not quote passwords), while failing. */
  readonly lastError?: string;
  /** When it started failing (ms since the epoch). */
  readonly failingSince?: number;
  /** Records written since start. */
  readonly written: number;
  /** Records waiting in the queue. */
  readonly queued: number;
  /** Records dropped: the queue was full, or the database refused them. */
  readonly dropped: number;
}

/**
 * Tracks whether storage works, logging each change of state once (not every failed write), so a database
 * that is down fills no log.
 */
export class StorageHealth {
  private state: 'ok' | 'failing' | 'off';
  private lastError: string | undefined;
  private failingSince: number | undefined;
  written = 0;
  dropped = 0;

  constructor(
    private readonly database: string,
    private readonly logger: Logger,
    private readonly queued: () => number = () => 0,
    enabled = true,
  ) {
    this.state = enabled ? 'ok' : 'off';
  }

  /** An operation succeeded. */
  succeeded(): void {
    if (this.state === 'failing') this.logger.info({ database: this.database }, 'storage works again');
    if (this.state !== 'off') this.state = 'ok';
    this.lastError = undefined;
    this.failingSince = undefined;
  }

  /** An operation failed with `error` (logged when storage was working until now). */
  failed(error: unknown, what: string): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.state !== 'failing')
      this.logger.error(
        { database: this.database, err: { message } },
        `storage failing (${what}); answers carry on, nothing is recorded until it works again`,
      );
    this.state = 'failing';
    this.lastError = message;
    this.failingSince ??= Date.now();
  }

  get ok(): boolean {
    return this.state === 'ok';
  }

  snapshot(): StorageHealthSnapshot {
    return {
      database: this.database,
      state: this.state,
      ...(this.lastError !== undefined ? { lastError: this.lastError } : {}),
      ...(this.failingSince !== undefined ? { failingSince: this.failingSince } : {}),
      written: this.written,
      queued: this.queued(),
      dropped: this.dropped,
    };
  }
}
