import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** Why an answer got 👎, as offered in the modal. */
export const DOWNVOTE_REASONS = ['wrong-source', 'no-answer', 'wrong-facts', 'other'] as const;
export type DownvoteReason = (typeof DOWNVOTE_REASONS)[number];

/** Longest feedback comment kept, in characters. */
export const MAX_COMMENT_LENGTH = 300;

/** One person's vote on one answer. */
export interface VoteRecord {
  readonly answerId: string;
  readonly userHash: string;
  readonly guildId: string | null;
  readonly vote: 'up' | 'down';
  /** For `down` only. */
  readonly reason?: DownvoteReason;
  /** For `down` only; null when comments are not kept. */
  readonly comment?: string | null;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

/**
 * Records a vote, replacing the person's earlier vote on the same answer (one per person per answer). An
 * up-vote clears an earlier reason and comment. Resolves once committed, so a caller may say "noted".
 */
export async function upsertVote(db: Kysely<Database>, record: VoteRecord): Promise<void> {
  const reason = record.vote === 'down' ? (record.reason ?? 'other') : null;
  const comment =
    record.vote === 'down' ? (record.comment ?? null)?.slice(0, MAX_COMMENT_LENGTH) || null : null;
  await db
    .insertInto('votes')
    .values({
      answer_id: record.answerId,
      user_hash: record.userHash,
      guild_id: record.guildId,
      vote: record.vote,
      reason,
      comment,
      created_at: record.at,
      updated_at: record.at,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['answer_id', 'user_hash'])
        .doUpdateSet({ vote: record.vote, reason, comment, updated_at: record.at }),
    )
    .execute();
}

/** The person's current vote on an answer, if any. */
export async function findVote(
  db: Kysely<Database>,
  answerId: string,
  userHash: string,
): Promise<{ vote: string; reason: string | null; comment: string | null } | undefined> {
  return db
    .selectFrom('votes')
    .select(['vote', 'reason', 'comment'])
    .where('answer_id', '=', answerId)
    .where('user_hash', '=', userHash)
    .executeTakeFirst();
}
