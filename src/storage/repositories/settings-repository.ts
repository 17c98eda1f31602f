import type { Kysely } from 'kysely';

import type { Database, ServerSettingsRow } from '../schema.js';

/** One server's settings, as `/settings` shows and changes them. */
export interface ServerSettings {
  /** Channels where every message, and every new forum post, is a question (no mention needed). */
  readonly answerChannelIds: readonly string[];
  /** Whether the answer to a mention opens a thread for follow-ups. @default true */
  readonly mentionThreads: boolean;
  /** Seconds between a member's questions; undefined → `ASK_COOLDOWN_SECONDS`. */
  readonly cooldownSeconds?: number;
  /** Reply language when the question's own language does not decide; undefined → the member's locale. */
  readonly language?: 'en' | 'ja';
  /** A short line under every answer; undefined → none. At most {@link MAX_FOOTER_LENGTH} characters. */
  readonly footer?: string;
  /** Whether question text is kept (for RETENTION_DAYS). @default true */
  readonly keepQuestionText: boolean;
}

/** Longest server footer, in characters (it shares the embed footer with the answer's own line). */
export const MAX_FOOTER_LENGTH = 200;

/** Most answer channels per server. */
export const MAX_ANSWER_CHANNELS = 10;

/** A server that never used `/settings`. */
export const DEFAULT_SERVER_SETTINGS: ServerSettings = Object.freeze({
  answerChannelIds: Object.freeze([]),
  mentionThreads: true,
  keepQuestionText: true,
});

/** The server's settings, or the defaults when it has none stored. */
export async function readServerSettings(db: Kysely<Database>, guildId: string): Promise<ServerSettings> {
  const row = await db
    .selectFrom('server_settings')
    .selectAll()
    .where('guild_id', '=', guildId)
    .executeTakeFirst();
  return row ? fromRow(row) : DEFAULT_SERVER_SETTINGS;
}

/** Every server's stored settings (loaded at start so the first message needs no query). */
export async function readAllServerSettings(db: Kysely<Database>): Promise<Map<string, ServerSettings>> {
  const rows = await db.selectFrom('server_settings').selectAll().execute();
  return new Map(rows.map((row) => [row.guild_id, fromRow(row)]));
}

/** Stores the server's settings whole (insert or replace). Resolves once committed. */
export async function writeServerSettings(
  db: Kysely<Database>,
  guildId: string,
  settings: ServerSettings,
  at: number,
): Promise<void> {
  const values = {
    answer_channel_ids: JSON.stringify(settings.answerChannelIds),
    mention_threads: settings.mentionThreads ? 1 : 0,
    cooldown_seconds: settings.cooldownSeconds ?? null,
    language: settings.language ?? null,
    footer: settings.footer ?? null,
    keep_question_text: settings.keepQuestionText ? 1 : 0,
    updated_at: at,
  };
  await db
    .insertInto('server_settings')
    .values({ guild_id: guildId, ...values })
    .onConflict((conflict) => conflict.column('guild_id').doUpdateSet(values))
    .execute();
}

function fromRow(row: ServerSettingsRow): ServerSettings {
  return {
    answerChannelIds: parseIds(row.answer_channel_ids),
    mentionThreads: Number(row.mention_threads) !== 0,
    ...(row.cooldown_seconds !== null ? { cooldownSeconds: Number(row.cooldown_seconds) } : {}),
    ...(row.language === 'en' || row.language === 'ja' ? { language: row.language } : {}),
    ...(row.footer ? { footer: row.footer } : {}),
    keepQuestionText: Number(row.keep_question_text) !== 0,
  };
}

function parseIds(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
