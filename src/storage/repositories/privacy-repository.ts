import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** What is stored about one person. */
export interface StoredAboutUser {
  /** Answers recorded for their questions (with or without the question's text). */
  readonly questions: number;
  /** Of those, how many still hold the question's text. */
  readonly questionTexts: number;
  /** Their votes (👍/👎), with reasons and comments. */
  readonly votes: number;
}

/** Counts what is stored under a user hash. */
export async function storedAboutUser(db: Kysely<Database>, userHash: string): Promise<StoredAboutUser> {
  const questions = await db
    .selectFrom('answers')
    .select((eb) => [eb.fn.countAll().as('all'), eb.fn.count('question').as('texts')])
    .where('user_hash', '=', userHash)
    .executeTakeFirstOrThrow();
  const votes = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll().as('all'))
    .where('user_hash', '=', userHash)
    .executeTakeFirstOrThrow();
  return {
    questions: Number(questions.all),
    questionTexts: Number(questions.texts),
    votes: Number(votes.all),
  };
}

/**
 * Deletes everything stored under a user hash (their recorded questions and their votes), in one
 * transaction. Resolves with what was deleted.
 */
export async function deleteUserData(db: Kysely<Database>, userHash: string): Promise<StoredAboutUser> {
  return db.transaction().execute(async (trx) => {
    const before = await storedAboutUser(trx, userHash);
    await trx.deleteFrom('votes').where('user_hash', '=', userHash).execute();
    await trx.deleteFrom('answers').where('user_hash', '=', userHash).execute();
    return before;
  });
}
