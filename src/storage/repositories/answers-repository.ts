import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** An answer to record: what the coverage-gaps report and feedback need, nothing more. */
export interface AnswerRecord {
  readonly id: string;
  readonly guildId: string | null;
  readonly userHash: string;
  /** Null when the question text is not to be kept. */
  readonly question: string | null;
  readonly outcome: string;
  readonly language: string;
  readonly missingTerms: readonly string[];
  readonly answerer: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/**
 * Inserts answers in one statement, so in one transaction (all or none are stored). An id already present is
 * left as it is: recording is idempotent.
 */
export async function insertAnswers(db: Kysely<Database>, records: readonly AnswerRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('answers')
    .values(
      records.map((record) => ({
        id: record.id,
        guild_id: record.guildId,
        user_hash: record.userHash,
        question: record.question,
        outcome: record.outcome,
        language: record.language,
        missing_terms: JSON.stringify(record.missingTerms),
        answerer: record.answerer,
        created_at: record.createdAt,
      })),
    )
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/**
 * The retention rule: forgets question text and feedback comments older than `cutoff` (ms since the epoch),
 * keeping the rest of each row (outcome, missing terms, votes) for the counts. Resolves with how many rows
 * lost their text.
 */
export async function forgetTextBefore(
  db: Kysely<Database>,
  cutoff: number,
): Promise<{ questions: number; comments: number }> {
  const questions = await db
    .updateTable('answers')
    .set({ question: null })
    .where('created_at', '<', cutoff)
    .where('question', 'is not', null)
    .executeTakeFirst();
  const comments = await db
    .updateTable('votes')
    .set({ comment: null })
    .where('updated_at', '<', cutoff)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  return { questions: Number(questions.numUpdatedRows), comments: Number(comments.numUpdatedRows) };
}
