import type { Kysely } from 'kysely';

import type { Database } from './schema.js';

/** Outcomes counted as refused: the sheets did not answer (an honest refusal, or only the closest passage). */
export const REFUSED_OUTCOMES = ['not-covered', 'related'] as const;

/** What to report on. */
export interface GapsQuery {
  /** One server; undefined → every server (and recorded direct messages), for the operator's report. */
  readonly guildId?: string;
  /** Start of the period, ms since the epoch (inclusive). */
  readonly since: number;
  /** End of the period, ms since the epoch (exclusive). @default just after now */
  readonly until?: number;
  /** Most gap groups and most 👎'd answers listed. @default 10 and 5 */
  readonly maxGaps?: number;
  readonly maxDisliked?: number;
  /** The clock's now, ms since the epoch, for the default `until`. @default Date.now() */
  readonly now?: number;
}

/** Refused questions that share what was missing ("Okinawa ×7"). */
export interface GapGroup {
  /** The missing term, lower-cased; `(unstated)` for a refusal that named none (a fact the closest passage lacks). */
  readonly term: string;
  readonly count: number;
  /** Up to three questions, as asked, where their text is still kept. */
  readonly examples: readonly string[];
}

/** An answer people marked 👎, with why. */
export interface DislikedAnswer {
  readonly answerId: string;
  /** The question, when its text is still kept. */
  readonly question?: string;
  readonly outcome?: string;
  readonly downs: number;
  readonly ups: number;
  /** 👎 reasons → how many. */
  readonly reasons: Readonly<Record<string, number>>;
  /** Comments still kept (newest first, at most three). */
  readonly comments: readonly string[];
}

/** The coverage-gaps report: which documents to add next, and which answers people found wrong. */
export interface GapsReport {
  readonly since: number;
  readonly until: number;
  readonly totals: {
    /** Every recorded question. */
    readonly asked: number;
    readonly answered: number;
    /** `not-covered` and `related`. */
    readonly refused: number;
    readonly up: number;
    readonly down: number;
  };
  /** Servers with at least one recorded question in the period (direct messages not counted). */
  readonly servers: number;
  readonly gaps: readonly GapGroup[];
  readonly disliked: readonly DislikedAnswer[];
}

/** Most refused rows read to group (newest first): enough for any period a person reads. */
const MAX_REFUSED_ROWS = 20_000;

/** Builds the report for one server or all, from the answers and votes recorded in the period. */
export async function coverageGaps(db: Kysely<Database>, query: GapsQuery): Promise<GapsReport> {
  const until = query.until ?? (query.now ?? Date.now()) + 1;
  const inPeriod = <T extends 'answers' | 'votes'>(table: T) => {
    const column = table === 'answers' ? 'created_at' : 'updated_at';
    let builder = db
      .selectFrom(table as 'answers')
      .where(column as 'created_at', '>=', query.since)
      .where(column as 'created_at', '<', until);
    if (query.guildId !== undefined) builder = builder.where('guild_id', '=', query.guildId);
    return builder;
  };

  const byOutcome = await inPeriod('answers')
    .select((eb) => ['outcome', eb.fn.countAll().as('n')])
    .groupBy('outcome')
    .execute();
  const count = (outcomes: readonly string[] | undefined): number =>
    byOutcome
      .filter((row) => outcomes === undefined || outcomes.includes(row.outcome))
      .reduce((sum, row) => sum + Number(row.n), 0);

  const votesQuery = db
    .selectFrom('votes')
    .select((eb) => ['vote', eb.fn.countAll().as('n')])
    .where('updated_at', '>=', query.since)
    .where('updated_at', '<', until);
  const byVote = await (
    query.guildId !== undefined ? votesQuery.where('guild_id', '=', query.guildId) : votesQuery
  )
    .groupBy('vote')
    .execute();
  const votes = (vote: string): number => Number(byVote.find((row) => row.vote === vote)?.n ?? 0);

  const servers = await inPeriod('answers')
    .select((eb) => eb.fn.count('guild_id').distinct().as('n'))
    .executeTakeFirstOrThrow();

  const refusedRows = await inPeriod('answers')
    .select(['missing_terms', 'question'])
    .where('outcome', 'in', [...REFUSED_OUTCOMES])
    .orderBy('created_at', 'desc')
    .limit(MAX_REFUSED_ROWS)
    .execute();

  return {
    since: query.since,
    until,
    totals: {
      asked: count(undefined),
      answered: count(['answered']),
      refused: count(REFUSED_OUTCOMES),
      up: votes('up'),
      down: votes('down'),
    },
    servers: Number(servers.n),
    gaps: groupGaps(refusedRows, query.maxGaps ?? 10),
    disliked: await mostDisliked(db, query, until, query.maxDisliked ?? 5),
  };
}

/** Groups refused questions by each missing term (a question missing two terms counts for both). */
export function groupGaps(
  rows: readonly { missing_terms: string; question: string | null }[],
  max: number,
): GapGroup[] {
  const groups = new Map<string, { count: number; examples: string[] }>();
  for (const row of rows) {
    const terms = parseTerms(row.missing_terms);
    for (const term of terms.length > 0 ? terms : ['(unstated)']) {
      const group = groups.get(term) ?? { count: 0, examples: [] };
      group.count += 1;
      if (row.question && group.examples.length < 3 && !group.examples.includes(row.question))
        group.examples.push(row.question);
      groups.set(term, group);
    }
  }
  return [...groups.entries()]
    .map(([term, group]) => ({ term, count: group.count, examples: group.examples }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, max);
}

function parseTerms(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return [
      ...new Set(
        parsed
          .filter((term): term is string => typeof term === 'string' && term.trim() !== '')
          .map((term) => term.trim().toLowerCase()),
      ),
    ];
  } catch {
    return [];
  }
}

async function mostDisliked(
  db: Kysely<Database>,
  query: GapsQuery,
  until: number,
  max: number,
): Promise<DislikedAnswer[]> {
  let top = db
    .selectFrom('votes')
    .select((eb) => ['answer_id', eb.fn.countAll().as('downs')])
    .where('vote', '=', 'down')
    .where('updated_at', '>=', query.since)
    .where('updated_at', '<', until);
  if (query.guildId !== undefined) top = top.where('guild_id', '=', query.guildId);
  const ranked = await top
    .groupBy('answer_id')
    .orderBy('downs', 'desc')
    .orderBy('answer_id')
    .limit(max)
    .execute();
  if (ranked.length === 0) return [];
  const ids = ranked.map((row) => row.answer_id);
  const answers = await db
    .selectFrom('answers')
    .select(['id', 'question', 'outcome'])
    .where('id', 'in', ids)
    .execute();
  const votes = await db
    .selectFrom('votes')
    .select(['answer_id', 'vote', 'reason', 'comment', 'updated_at'])
    .where('answer_id', 'in', ids)
    .orderBy('updated_at', 'desc')
    .execute();
  return ranked.map((row) => {
    const answer = answers.find((candidate) => candidate.id === row.answer_id);
    const mine = votes.filter((vote) => vote.answer_id === row.answer_id);
    const reasons: Record<string, number> = {};
    for (const vote of mine)
      if (vote.vote === 'down') reasons[vote.reason ?? 'other'] = (reasons[vote.reason ?? 'other'] ?? 0) + 1;
    return {
      answerId: row.answer_id,
      ...(answer?.question ? { question: answer.question } : {}),
      ...(answer ? { outcome: answer.outcome } : {}),
      downs: Number(row.downs),
      ups: mine.filter((vote) => vote.vote === 'up').length,
      reasons,
      comments: mine
        .filter((vote) => vote.vote === 'down' && vote.comment)
        .map((vote) => vote.comment as string)
        .slice(0, 3),
    };
  });
}
