/**
 * The database's schema, in one place: the tables as Kysely sees them. The migrations
 * (`./migrations.ts`) create exactly these; both engines (SQLite, PostgreSQL) hold the same shapes.
 *
 * Times are milliseconds since the epoch (`bigint` columns, read back as numbers). Booleans are integers
 * (0/1) so one query serves both engines. User ids never appear: only `user_hash`, a keyed hash
 * (`./user-hash.ts`).
 */
import type { Insertable, Selectable } from 'kysely';

/** One answer Kizuna gave, recorded after it was sent (the coverage-gaps report and feedback read it). */
export interface AnswersTable {
  /** Random id, also in the answer's feedback buttons. */
  readonly id: string;
  /** The server, or null for a direct message (recorded only when the operator opts in). */
  readonly guild_id: string | null;
  /** HMAC-SHA-256 of the asker's Discord id (hex, 32 characters). */
  readonly user_hash: string;
  /** The question as asked; null when not kept (RETENTION_DAYS=0, the server's setting, or past retention). */
  readonly question: string | null;
  /** The core's `AnswerOutcome` (`answered`, `related`, `not-covered`, …). */
  readonly outcome: string;
  /** `en` or `ja`. */
  readonly language: string;
  /** JSON array of the terms the sheets never mention (the core's `missingTerms`); kept for the report. */
  readonly missing_terms: string;
  readonly answerer: string;
  readonly created_at: number;
}

/** One person's vote on one answer: a single row per (answer, person), changed in place. */
export interface VotesTable {
  readonly answer_id: string;
  readonly user_hash: string;
  readonly guild_id: string | null;
  /** `up` or `down`. */
  readonly vote: string;
  /** For `down`: `wrong-source`, `no-answer`, `wrong-facts` or `other`. */
  readonly reason: string | null;
  /** Optional comment, at most 300 characters; dropped after RETENTION_DAYS like question text. */
  readonly comment: string | null;
  readonly created_at: number;
  readonly updated_at: number;
}

/** One server's settings (`/settings`); absent row → the defaults. */
export interface ServerSettingsTable {
  readonly guild_id: string;
  /** JSON array of channel ids where every message (or new forum post) is a question. */
  readonly answer_channel_ids: string;
  /** 1: a mention's answer opens a thread for follow-ups; 0: it does not. */
  readonly mention_threads: number;
  /** Seconds between a member's questions; null → ASK_COOLDOWN_SECONDS. */
  readonly cooldown_seconds: number | null;
  /** `en` or `ja`: the reply language when the question's own language does not decide; null → by locale. */
  readonly language: string | null;
  /** A short line under every answer (a disclaimer, where to ask a human); null → none. */
  readonly footer: string | null;
  /** 1: question text is kept (for RETENTION_DAYS); 0: only the missing terms and counts. */
  readonly keep_question_text: number;
  readonly updated_at: number;
}

/** Kysely's view of the whole database. */
export interface Database {
  readonly answers: AnswersTable;
  readonly votes: VotesTable;
  readonly server_settings: ServerSettingsTable;
}

export type AnswerRow = Selectable<AnswersTable>;
export type NewAnswerRow = Insertable<AnswersTable>;
export type VoteRow = Selectable<VotesTable>;
export type ServerSettingsRow = Selectable<ServerSettingsTable>;
