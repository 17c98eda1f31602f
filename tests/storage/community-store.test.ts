import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StorageConfig } from '../../src/config/load-storage-config.js';
import { silentLogger } from '../../src/core/logger.js';
import { CommunityStore, type AnsweredQuestion } from '../../src/storage/community-store.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { StorageUnavailableError } from '../../src/storage/storage-unavailable.js';
import { ENGINES, testDatabases, type TestDatabases } from '../support/databases/test-databases.js';

const GUILD = '100000000000000001';
const OTHER_GUILD = '100000000000000002';
const ALICE = '200000000000000001';
const BOB = '200000000000000002';
const DAY = 86_400_000;

function asked(overrides: Partial<AnsweredQuestion> = {}): AnsweredQuestion {
  return {
    guildId: GUILD,
    userId: ALICE,
    question: 'What does Reiwa mean?',
    outcome: 'answered',
    language: 'en',
    missingTerms: [],
    answerer: 'extractive',
    ...overrides,
  };
}

const refused = (term: string, question = `What about ${term}?`): Partial<AnsweredQuestion> => ({
  outcome: 'not-covered',
  missingTerms: [term],
  question,
});

describe.each(ENGINES)('GIVEN the community store on %s', (engine) => {
  let databases: TestDatabases;
  beforeAll(() => {
    databases = testDatabases(engine);
  });
  afterAll(async () => {
    await databases.cleanup();
  });

  async function openStore(
    overrides: Partial<StorageConfig> = {},
    now?: () => number,
  ): Promise<{ store: CommunityStore; config: StorageConfig }> {
    const config = await databases.fresh(overrides);
    const store = await CommunityStore.open(config, silentLogger, {
      ...(now ? { now } : {}),
      settingsTtlMs: 200,
    });
    return { store, config };
  }

  it('THEN the migrations run once at start, and opening again finds the schema current', async () => {
    const config = await databases.fresh();
    const first = await openDatabase(config);
    await first.close();
    const second = await openDatabase(config);
    const tables = await second.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['answers', 'votes', 'server_settings']),
    );
    await second.close();
  });

  it('THEN an answer is recorded in the background with hashed user ids, never the raw id', async () => {
    const { store, config } = await openStore();
    const id = store.recordAnswer(asked());
    expect(id).toMatch(/^[\w-]{16}$/u);
    await store.flush();
    expect(store.healthSnapshot()).toMatchObject({ state: 'ok', written: 1, queued: 0, dropped: 0 });
    await store.close();
    const raw = await openDatabase(config);
    const rows = await raw.db.selectFrom('answers').selectAll().execute();
    await raw.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      guild_id: GUILD,
      question: 'What does Reiwa mean?',
      outcome: 'answered',
    });
    expect(rows[0]?.user_hash).toMatch(/^[0-9a-f]{32}$/u);
    expect(JSON.stringify(rows)).not.toContain(ALICE);
  });

  it('THEN direct messages are not recorded unless the operator opts in', async () => {
    const { store } = await openStore();
    expect(store.recordAnswer(asked({ guildId: null }))).toBeUndefined();
    await store.close();
    const optedIn = await openStore({ recordDirectMessages: true });
    expect(optedIn.store.recordAnswer(asked({ guildId: null }))).toBeDefined();
    await optedIn.store.close();
  });

  it('THEN question text is not kept with RETENTION_DAYS=0 or where the server turned it off, but the missing terms are', async () => {
    const zero = await openStore({ retentionDays: 0 });
    zero.store.recordAnswer(asked(refused('Okinawa')));
    const report = await zero.store.gaps({ since: 0 });
    expect(report.gaps).toEqual([{ term: 'okinawa', count: 1, examples: [] }]);
    await zero.store.close();

    const { store } = await openStore();
    const settings = await store.updateSettings(GUILD, (current) => ({
      ...current,
      keepQuestionText: false,
    }));
    store.recordAnswer(asked(refused('TPP')), settings);
    expect((await store.gaps({ since: 0 })).gaps).toEqual([{ term: 'tpp', count: 1, examples: [] }]);
    await store.close();
  });

  it('THEN one vote per person per answer, changeable; an up-vote clears the earlier reason', async () => {
    const { store } = await openStore();
    const answerId = store.recordAnswer(asked())!;
    await store.flush();
    expect(await store.vote({ answerId, userId: ALICE, guildId: GUILD, vote: 'up' })).toBe(true);
    expect(
      await store.vote({
        answerId,
        userId: ALICE,
        guildId: GUILD,
        vote: 'down',
        reason: 'wrong-facts',
        comment: ' It was 2019 ',
      }),
    ).toBe(true);
    expect(
      await store.vote({ answerId, userId: BOB, guildId: GUILD, vote: 'down', reason: 'wrong-source' }),
    ).toBe(true);
    let report = await store.gaps({ since: 0, guildId: GUILD });
    expect(report.totals).toMatchObject({ up: 0, down: 2 });
    expect(report.disliked).toEqual([
      {
        answerId,
        question: 'What does Reiwa mean?',
        outcome: 'answered',
        downs: 2,
        ups: 0,
        reasons: { 'wrong-facts': 1, 'wrong-source': 1 },
        comments: ['It was 2019'],
      },
    ]);
    await store.vote({ answerId, userId: ALICE, guildId: GUILD, vote: 'up' });
    report = await store.gaps({ since: 0, guildId: GUILD });
    expect(report.totals).toMatchObject({ up: 1, down: 1 });
    expect(report.disliked[0]).toMatchObject({
      downs: 1,
      ups: 1,
      reasons: { 'wrong-source': 1 },
      comments: [],
    });
    await store.close();
  });

  it('THEN the gaps report groups refused questions by what was missing, per server and across servers', async () => {
    let clock = 10 * DAY;
    const { store } = await openStore({}, () => clock);
    for (let i = 0; i < 3; i += 1) store.recordAnswer(asked(refused('Okinawa', `Okinawa bases ${i}?`)));
    store.recordAnswer(asked(refused('TPP')));
    store.recordAnswer(asked({ outcome: 'related', missingTerms: [], question: 'Which city in Alabama?' }));
    store.recordAnswer(asked({ ...refused('TPP'), guildId: OTHER_GUILD }));
    store.recordAnswer(asked());
    store.recordAnswer(asked({ outcome: 'chit-chat' }));
    clock -= 5 * DAY;
    store.recordAnswer(asked(refused('Old')));
    clock += 5 * DAY;
    await store.flush();

    const report = await store.gaps({ guildId: GUILD, since: clock - 2 * DAY, until: clock + 1 });
    expect(report.totals).toEqual({ asked: 7, answered: 1, refused: 5, up: 0, down: 0 });
    expect(report.gaps.map((gap) => [gap.term, gap.count])).toEqual([
      ['okinawa', 3],
      ['(unstated)', 1],
      ['tpp', 1],
    ]);
    expect(report.gaps[0]?.examples).toHaveLength(3);
    const everywhere = await store.gaps({ since: 0, until: clock + 1 });
    expect(everywhere.servers).toBe(2);
    expect(everywhere.gaps.find((gap) => gap.term === 'tpp')?.count).toBe(2);
    expect(everywhere.gaps.find((gap) => gap.term === 'old')?.count).toBe(1);
    await store.close();
  });

  it('THEN settings have defaults, survive reopening, and another shard sees a change once its cache expires', async () => {
    const config = await databases.fresh();
    const shardA = await CommunityStore.open(config, silentLogger, { settingsTtlMs: 100 });
    const shardB = await CommunityStore.open(config, silentLogger, { settingsTtlMs: 100 });
    expect(await shardB.settingsFor(GUILD)).toEqual({
      answerChannelIds: [],
      mentionThreads: true,
      keepQuestionText: true,
    });
    await shardA.updateSettings(GUILD, (current) => ({
      ...current,
      answerChannelIds: ['300000000000000001'],
      mentionThreads: false,
      cooldownSeconds: 10,
      language: 'ja',
      footer: 'Ask a human in #help',
    }));
    const expected = {
      answerChannelIds: ['300000000000000001'],
      mentionThreads: false,
      cooldownSeconds: 10,
      language: 'ja',
      footer: 'Ask a human in #help',
      keepQuestionText: true,
    };
    expect(await shardA.settingsFor(GUILD)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await shardB.settingsFor(GUILD); // stale: answered from the cache, re-read behind
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await shardB.settingsFor(GUILD)).toEqual(expected);
    await shardA.close();
    await shardB.close();
    const restarted = await CommunityStore.open(config, silentLogger);
    expect(await restarted.settingsFor(GUILD)).toEqual(expected);
    await restarted.close();
  });

  it('THEN /privacy counts and deletes everything stored about one member, and nobody else', async () => {
    const { store } = await openStore();
    const mine = store.recordAnswer(asked())!;
    store.recordAnswer(asked({ userId: BOB }));
    await store.flush();
    await store.vote({ answerId: mine, userId: ALICE, guildId: GUILD, vote: 'up' });
    await store.vote({ answerId: mine, userId: BOB, guildId: GUILD, vote: 'down', reason: 'other' });
    expect(await store.aboutUser(ALICE)).toEqual({ questions: 1, questionTexts: 1, votes: 1 });
    expect(await store.deleteUser(ALICE)).toEqual({ questions: 1, questionTexts: 1, votes: 1 });
    expect(await store.aboutUser(ALICE)).toEqual({ questions: 0, questionTexts: 0, votes: 0 });
    expect(await store.aboutUser(BOB)).toEqual({ questions: 1, questionTexts: 1, votes: 1 });
    await store.close();
  });

  it('THEN the retention job forgets question text and comments older than RETENTION_DAYS, keeping the counts', async () => {
    let clock = 100 * DAY;
    const { store } = await openStore({ retentionDays: 30 }, () => clock);
    const old = store.recordAnswer(asked(refused('Okinawa')))!;
    await store.flush();
    await store.vote({
      answerId: old,
      userId: BOB,
      guildId: GUILD,
      vote: 'down',
      reason: 'other',
      comment: 'hmm',
    });
    clock += 10 * DAY;
    store.recordAnswer(asked(refused('TPP')));
    await store.flush();
    clock += 25 * DAY;
    expect(await store.forgetExpiredText()).toEqual({ questions: 1, comments: 1 });
    const report = await store.gaps({ since: 0 });
    expect(report.totals.refused).toBe(2);
    expect(report.gaps).toEqual([
      { term: 'okinawa', count: 1, examples: [] },
      { term: 'tpp', count: 1, examples: ['What about TPP?'] },
    ]);
    expect(report.disliked[0]?.comments).toEqual([]);
    await store.close();
  });

  it('THEN a vote acknowledged just before its process is killed (SIGKILL) is there after a restart', async () => {
    const config = await databases.fresh();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./support/vote-then-hang.ts', import.meta.url)),
        JSON.stringify(config),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const said = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(said).toBe('acked');
    const store = await CommunityStore.open(config, silentLogger);
    const report = await store.gaps({ since: 0 });
    expect(report.totals.down).toBe(1);
    expect(report.disliked[0]).toMatchObject({ answerId: 'crash-answer', reasons: { 'wrong-facts': 1 } });
    await store.close();
  }, 60_000);

  it('THEN two shard processes writing at once lose nothing: every answer and vote is stored', async () => {
    const config = await databases.fresh();
    // Migrated once first, as the first shard to start would.
    await (await CommunityStore.open(config, silentLogger)).close();
    const script = fileURLToPath(new URL('./support/record-many.ts', import.meta.url));
    const run = (shard: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', script, JSON.stringify(config), '150', shard],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('error', reject);
        child.once('exit', (code) =>
          code === 0 ? resolve(out.trim()) : reject(new Error(`shard ${shard} exited ${code}`)),
        );
      });
    const results = await Promise.all([run('1'), run('2')]);
    expect(results.map((line) => JSON.parse(line) as unknown)).toEqual([
      { dropped: 0, failedVotes: 0 },
      { dropped: 0, failedVotes: 0 },
    ]);
    const store = await CommunityStore.open(config, silentLogger);
    const report = await store.gaps({ since: 0 });
    expect(report.totals).toEqual({ asked: 300, answered: 150, refused: 150, up: 300, down: 0 });
    expect(report.servers).toBe(2);
    await store.close();
  }, 60_000);

  it('THEN a database that stops answering fails votes and settings politely, answers keep being queued, and health says why', async () => {
    const config = await databases.fresh();
    const store = await CommunityStore.open(config, silentLogger, { writeTimeoutMs: 1500 });
    await store.updateSettings(GUILD, (current) => ({ ...current, footer: 'cached' }));
    const answerId = store.recordAnswer(asked())!;
    await store.flush();

    const restore = await makeUnavailable(databases, config);
    try {
      expect(await store.vote({ answerId, userId: ALICE, guildId: GUILD, vote: 'up' })).toBe(false);
      await expect(store.updateSettings(GUILD, (current) => current)).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect(store.recordAnswer(asked())).toBeDefined();
      await store.flush();
      expect((await store.settingsFor(GUILD)).footer).toBe('cached');
      const health = store.healthSnapshot();
      expect(health.state).toBe('failing');
      expect(health.lastError).toBeTruthy();
      expect(health.queued).toBeGreaterThanOrEqual(1);
    } finally {
      await restore();
    }
    expect(await store.vote({ answerId, userId: ALICE, guildId: GUILD, vote: 'up' })).toBe(true);
    await store.flush();
    expect(store.healthSnapshot()).toMatchObject({ state: 'ok', queued: 0, dropped: 0, written: 2 });
    await store.close();
  }, 60_000);
});

/**
 * Makes the database refuse work: PostgreSQL is stopped; SQLite is locked by another connection holding an
 * exclusive transaction (as another process would). Resolves with how to undo it.
 */
async function makeUnavailable(
  databases: TestDatabases,
  config: StorageConfig,
): Promise<() => Promise<void>> {
  if (databases.engine === 'postgres') {
    const server = databases.postgres!;
    await server.stopServer();
    return () => server.startServer();
  }
  const locker = new BetterSqlite3(config.databaseFile);
  locker.exec('BEGIN EXCLUSIVE');
  return () => {
    locker.exec('COMMIT');
    locker.close();
    return Promise.resolve();
  };
}
