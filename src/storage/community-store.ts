import { randomBytes } from 'node:crypto';

import type { StorageConfig } from '../config/load-storage-config.js';
import type { Logger } from '../core/logger.js';
import { openDatabase, type OpenDatabase } from './open-database.js';
import { forgetTextBefore, insertAnswers, type AnswerRecord } from './repositories/answers-repository.js';
import { deleteUserData, storedAboutUser, type StoredAboutUser } from './repositories/privacy-repository.js';
import {
  DEFAULT_SERVER_SETTINGS,
  readAllServerSettings,
  readServerSettings,
  writeServerSettings,
  type ServerSettings,
} from './repositories/settings-repository.js';
import { upsertVote, type DownvoteReason } from './repositories/votes-repository.js';
import { RecordingQueue } from './recording-queue.js';
import { coverageGaps, type GapsQuery, type GapsReport } from './coverage-gaps.js';
import { StorageHealth, type StorageHealthSnapshot } from './storage-health.js';
import { retryWhileLocked, StorageUnavailableError, withinTime } from './storage-unavailable.js';
import { createUserHasher, resolveUserHashSecret, secretFileFor, type UserHasher } from './user-hash.js';

/** An answer that was just sent, as the Discord adapter reports it. */
export interface AnsweredQuestion {
  /** Null for a direct message. */
  readonly guildId: string | null;
  /** The asker's Discord id: hashed before it goes anywhere. */
  readonly userId: string;
  readonly question: string;
  readonly outcome: string;
  readonly language: string;
  readonly missingTerms: readonly string[];
  readonly answerer: string;
}

/** A 👍 or 👎 from one person on one answer. */
export interface Vote {
  readonly answerId: string;
  readonly userId: string;
  readonly guildId: string | null;
  readonly vote: 'up' | 'down';
  readonly reason?: DownvoteReason;
  readonly comment?: string;
}

/** Tuning; every field has a default. */
export interface CommunityStoreOptions {
  /** How long cached server settings are trusted before being re-read (other shards may change them). @default 5000 */
  readonly settingsTtlMs?: number;
  /** Longest wait for a write a person is told about (a vote, a setting), in ms. @default 1500 */
  readonly writeTimeoutMs?: number;
  /** Longest wait for settings not yet cached before the defaults stand in, in ms. @default 500 */
  readonly settingsReadTimeoutMs?: number;
  /** Recorded answers that may wait before new ones are dropped. @default 1000 */
  readonly queueCapacity?: number;
  /** How long a recorded answer may wait to share a transaction with others, in ms. @default 1000 */
  readonly batchDelayMs?: number;
  /** After a failed recording write, how long before the next try, in ms (rows wait, bounded). @default 5000 */
  readonly retryAfterMs?: number;
  /** Clock (ms since the epoch), for tests. @default Date.now */
  readonly now?: () => number;
}

/** Milliseconds in a day. */
const DAY_MS = 86_400_000;

/**
 * Everything Kizuna stores about its community, behind one object: answers recorded for the coverage-gaps
 * report, votes, per-server settings (cached, re-read after `settingsTtlMs`), and privacy. It never stands in
 * an answer's way: recording is queued and bounded, reads of settings fall back to the last known value or
 * the defaults, and a database that is down, locked or full turns into `false` or a
 * {@link StorageUnavailableError} for what a person asked, and a failing {@link health} for the logs and
 * `/status`. User ids are hashed (HMAC) before any query.
 */
export class CommunityStore {
  private readonly settingsCache = new Map<string, { settings: ServerSettings; at: number }>();
  private readonly queue: RecordingQueue<AnswerRecord>;
  private readonly health: StorageHealth;
  private readonly now: () => number;
  private retentionTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly database: OpenDatabase,
    private readonly hash: UserHasher,
    private readonly config: Pick<StorageConfig, 'retentionDays' | 'recordDirectMessages'>,
    private readonly logger: Logger,
    private readonly options: CommunityStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.health = new StorageHealth(database.description, logger, () => this.queue.size);
    this.queue = new RecordingQueue<AnswerRecord>(
      async (batch) => {
        await retryWhileLocked(() => insertAnswers(this.database.db, batch), 2000);
        this.health.written += batch.length;
        this.health.succeeded();
      },
      (rows) => {
        this.health.dropped += rows;
      },
      (error) => this.health.failed(error, 'recording questions'),
      {
        capacity: options.queueCapacity ?? 1000,
        delayMs: options.batchDelayMs ?? 1000,
        retryAfterMs: options.retryAfterMs ?? 5000,
      },
    );
  }

  /**
   * Opens the configured database (migrating it), the user-hash secret, and the store. Every server's
   * settings are loaded into the cache.
   * @throws Error when the database cannot be opened or migrated, or the secret file cannot be read or made
   */
  static async open(
    config: StorageConfig,
    logger: Logger,
    options: CommunityStoreOptions = {},
  ): Promise<CommunityStore> {
    const secret = resolveUserHashSecret(config.userHashSecret, secretFileFor(config.databaseFile));
    const database = await openDatabase(config, logger);
    const store = new CommunityStore(database, createUserHasher(secret), config, logger, options);
    try {
      const all = await readAllServerSettings(database.db);
      const at = store.now();
      for (const [guildId, settings] of all) store.settingsCache.set(guildId, { settings, at });
    } catch (error) {
      store.health.failed(error, 'loading server settings');
    }
    logger.info({ database: database.description, retentionDays: config.retentionDays }, 'storage ready');
    return store;
  }

  /** The engine and its description ("SQLite (…)"), for logs and tests. */
  get engine(): OpenDatabase['engine'] {
    return this.database.engine;
  }

  /** Whether questions asked here are recorded (and their answers get feedback buttons). */
  records(guildId: string | null): boolean {
    return guildId !== null || this.config.recordDirectMessages;
  }

  /**
   * Records an answer that was just sent, in the background, and returns its id for the feedback buttons;
   * undefined when nothing is recorded here (a direct message without the operator's opt-in). The question's
   * text is kept only when RETENTION_DAYS > 0 and the server keeps question text. Never throws, never waits.
   */
  recordAnswer(
    answered: AnsweredQuestion,
    settings: ServerSettings = DEFAULT_SERVER_SETTINGS,
  ): string | undefined {
    if (!this.records(answered.guildId)) return undefined;
    const id = randomBytes(12).toString('base64url');
    const keepText = this.config.retentionDays > 0 && settings.keepQuestionText;
    const record = {
      id,
      guildId: answered.guildId,
      userHash: this.hash(answered.userId),
      question: keepText ? answered.question : null,
      outcome: answered.outcome,
      language: answered.language,
      missingTerms: answered.missingTerms,
      answerer: answered.answerer,
      createdAt: this.now(),
    };
    this.queue.push(record);
    return id;
  }

  /**
   * Stores a vote (replacing the person's earlier one on that answer). Resolves true once committed, false
   * when the database could not take it in time (the person is told it was not saved).
   */
  async vote(vote: Vote): Promise<boolean> {
    const keepComment = this.config.retentionDays > 0;
    try {
      await this.write(
        () =>
          upsertVote(this.database.db, {
            answerId: vote.answerId,
            userHash: this.hash(vote.userId),
            guildId: vote.guildId,
            vote: vote.vote,
            ...(vote.reason ? { reason: vote.reason } : {}),
            comment: keepComment ? (vote.comment?.trim() ?? null) : null,
            at: this.now(),
          }),
        'saving a vote',
      );
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The server's settings: from the cache when fresh; a stale entry is returned at once and re-read in the
   * background; an unknown server is read (waiting at most `settingsReadTimeoutMs`), and the defaults stand
   * in when the database does not answer. Never rejects.
   */
  async settingsFor(guildId: string | null): Promise<ServerSettings> {
    if (guildId === null) return DEFAULT_SERVER_SETTINGS;
    const cached = this.settingsCache.get(guildId);
    const ttl = this.options.settingsTtlMs ?? 5000;
    if (cached && this.now() - cached.at < ttl) return cached.settings;
    const reading = this.refreshSettings(guildId);
    if (cached) {
      reading.catch(() => undefined);
      return cached.settings;
    }
    try {
      return await withinTime(reading, this.options.settingsReadTimeoutMs ?? 500, 'reading server settings');
    } catch {
      return DEFAULT_SERVER_SETTINGS;
    }
  }

  /**
   * Changes the server's settings: `change` gets the current ones (read fresh) and returns the new ones,
   * which are stored and take effect at once here (other shards re-read within `settingsTtlMs`).
   * @throws StorageUnavailableError when they could not be read or saved (nothing changed)
   */
  async updateSettings(
    guildId: string,
    change: (current: ServerSettings) => ServerSettings,
  ): Promise<ServerSettings> {
    const current = await this.write(
      () => readServerSettings(this.database.db, guildId),
      'reading server settings',
    );
    const next = change(current);
    await this.write(
      () => writeServerSettings(this.database.db, guildId, next, this.now()),
      'saving server settings',
    );
    this.settingsCache.set(guildId, { settings: next, at: this.now() });
    return next;
  }

  /**
   * The coverage-gaps report for a server (or all servers when `guildId` is undefined), including questions
   * still queued for recording (it waits for them, within the write timeout).
   * @throws StorageUnavailableError when the database could not answer
   */
  async gaps(query: GapsQuery): Promise<GapsReport> {
    await withinTime(this.queue.flush(), this.options.writeTimeoutMs ?? 1500, 'recording').catch(
      () => undefined,
    );
    return this.write(
      () => coverageGaps(this.database.db, { now: this.now(), ...query }),
      'building the coverage-gaps report',
    );
  }

  /** What is stored about a member (recordings still queued written first). @throws StorageUnavailableError */
  async aboutUser(userId: string): Promise<StoredAboutUser> {
    await withinTime(this.queue.flush(), this.options.writeTimeoutMs ?? 1500, 'recording').catch(
      () => undefined,
    );
    return this.write(() => storedAboutUser(this.database.db, this.hash(userId)), 'counting what is stored');
  }

  /**
   * Deletes everything stored about a member: their recorded questions and their votes. Waits for recording
   * already queued first, so nothing of theirs is written just after. @throws StorageUnavailableError
   */
  async deleteUser(userId: string): Promise<StoredAboutUser> {
    await withinTime(this.queue.flush(), this.options.writeTimeoutMs ?? 1500, 'recording').catch(
      () => undefined,
    );
    return this.write(() => deleteUserData(this.database.db, this.hash(userId)), 'deleting member data');
  }

  /**
   * Applies the retention rule once: question text and comments older than RETENTION_DAYS are forgotten
   * (with 0, none was ever kept). Resolves with how many rows lost their text; never rejects.
   */
  async forgetExpiredText(): Promise<{ questions: number; comments: number }> {
    const cutoff = this.now() - Math.max(this.config.retentionDays, 0) * DAY_MS;
    try {
      const forgotten = await forgetTextBefore(this.database.db, cutoff);
      this.health.succeeded();
      if (forgotten.questions + forgotten.comments > 0)
        this.logger.info(forgotten, 'expired question text forgotten');
      return forgotten;
    } catch (error) {
      this.health.failed(error, 'forgetting expired question text');
      return { questions: 0, comments: 0 };
    }
  }

  /** Runs {@link forgetExpiredText} now and then every `intervalMs` (default hourly) until {@link close}. */
  startRetentionJob(intervalMs = 3_600_000): void {
    if (this.retentionTimer) return;
    void this.forgetExpiredText();
    this.retentionTimer = setInterval(() => void this.forgetExpiredText(), intervalMs);
    this.retentionTimer.unref();
  }

  /** For logs and `/status`. */
  healthSnapshot(): StorageHealthSnapshot {
    return this.health.snapshot();
  }

  /** Writes queued recordings now; resolves once every one has been tried (tests, shutdown). */
  async flush(): Promise<void> {
    await this.queue.flush();
  }

  /** Stops the retention job, lets queued recording finish (at most `graceMs`), closes the database. */
  async close(graceMs = 2000): Promise<void> {
    clearInterval(this.retentionTimer);
    await withinTime(this.queue.flush(), graceMs, 'finishing queued recording').catch(() => undefined);
    this.queue.stop();
    await this.database.close();
  }

  private async refreshSettings(guildId: string): Promise<ServerSettings> {
    try {
      const settings = await readServerSettings(this.database.db, guildId);
      this.settingsCache.set(guildId, { settings, at: this.now() });
      this.health.succeeded();
      return settings;
    } catch (error) {
      this.health.failed(error, 'reading server settings');
      throw error;
    }
  }

  /**
   * Runs a database call a person waits for, within `writeTimeoutMs` in all, trying again while another
   * process holds SQLite's lock, and keeps the health up to date.
   */
  private async write<T>(work: () => Promise<T>, what: string): Promise<T> {
    const budget = this.options.writeTimeoutMs ?? 1500;
    try {
      const result = await withinTime(retryWhileLocked(work, budget - 100), budget, what);
      this.health.succeeded();
      return result;
    } catch (error) {
      this.health.failed(error, what);
      throw error instanceof StorageUnavailableError ? error : new StorageUnavailableError(String(error));
    }
  }
}
