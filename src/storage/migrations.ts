import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The versioned migrations, oldest first. Each runs once, in order, at start-up (`migrateToLatest`), on
 * SQLite and PostgreSQL alike (Kysely records them in `kysely_migration` and locks concurrent starters, so
 * shards starting together migrate once). Never edit a released migration: add the next one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_answers_votes_settings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('answers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('guild_id', 'text')
        .addColumn('user_hash', 'text', (column) => column.notNull())
        .addColumn('question', 'text')
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('language', 'text', (column) => column.notNull())
        .addColumn('missing_terms', 'text', (column) => column.notNull().defaultTo('[]'))
        .addColumn('answerer', 'text', (column) => column.notNull())
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('answers_guild_created')
        .on('answers')
        .columns(['guild_id', 'created_at'])
        .execute();
      await db.schema.createIndex('answers_created').on('answers').column('created_at').execute();
      await db.schema.createIndex('answers_user').on('answers').column('user_hash').execute();

      await db.schema
        .createTable('votes')
        .addColumn('answer_id', 'text', (column) => column.notNull())
        .addColumn('user_hash', 'text', (column) => column.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('vote', 'text', (column) => column.notNull())
        .addColumn('reason', 'text')
        .addColumn('comment', 'text')
        .addColumn('created_at', 'bigint', (column) => column.notNull())
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .addPrimaryKeyConstraint('votes_pk', ['answer_id', 'user_hash'])
        .execute();
      await db.schema
        .createIndex('votes_guild_updated')
        .on('votes')
        .columns(['guild_id', 'updated_at'])
        .execute();
      await db.schema.createIndex('votes_user').on('votes').column('user_hash').execute();

      await db.schema
        .createTable('server_settings')
        .addColumn('guild_id', 'text', (column) => column.primaryKey())
        .addColumn('answer_channel_ids', 'text', (column) => column.notNull().defaultTo('[]'))
        .addColumn('mention_threads', 'integer', (column) => column.notNull().defaultTo(1))
        .addColumn('cooldown_seconds', 'integer')
        .addColumn('language', 'text')
        .addColumn('footer', 'text')
        .addColumn('keep_question_text', 'integer', (column) => column.notNull().defaultTo(1))
        .addColumn('updated_at', 'bigint', (column) => column.notNull())
        .execute();
    },
  },
};

/** Serves {@link MIGRATIONS} to Kysely's migrator (from code, so `dist/` needs no migration folder). */
const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date. Resolves with the names of the migrations it ran (empty when current).
 * @throws Error naming the migration that failed (the database is left at the last one that succeeded)
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const what = failed ? `database migration ${failed} failed` : 'database migrations could not run';
    throw new Error(`${what}: ${describeError(error)}`, { cause: error });
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
