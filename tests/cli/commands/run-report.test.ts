import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../../src/config/load-config.js';
import { parseStorageConfig, type StorageConfig } from '../../../src/config/load-storage-config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { runReport } from '../../../src/cli/commands/run-report.js';
import { CommunityStore } from '../../../src/storage/community-store.js';

const NOW = Date.UTC(2026, 10, 30);
let folder: string;
let config: StorageConfig;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'kizuna-report-'));
  config = parseStorageConfig({
    DATABASE_FILE: join(folder, 'kizuna.sqlite'),
    USER_HASH_SECRET: 'report-test-secret-123',
  });
  const store = await CommunityStore.open(config, silentLogger, { now: () => NOW - 1000 });
  const base = { userId: '200000000000000001', language: 'en', answerer: 'extractive' };
  for (const guildId of ['100000000000000001', '100000000000000002'])
    store.recordAnswer({
      ...base,
      guildId,
      question: 'Is Okinawa covered?',
      outcome: 'not-covered',
      missingTerms: ['Okinawa'],
    });
  store.recordAnswer({
    ...base,
    guildId: '100000000000000001',
    question: 'Is Japan in the TPP, "really"?',
    outcome: 'not-covered',
    missingTerms: ['TPP'],
  });
  const liked = store.recordAnswer({
    ...base,
    guildId: '100000000000000001',
    question: 'What does Reiwa mean?',
    outcome: 'answered',
    missingTerms: [],
  })!;
  await store.flush();
  await store.vote({
    answerId: liked,
    userId: '200000000000000002',
    guildId: '100000000000000001',
    vote: 'down',
    reason: 'wrong-facts',
    comment: 'Off by a year',
  });
  await store.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function report(
  argv: string[],
  load: () => StorageConfig = () => config,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runReport({ argv, stdout, stderr, loadStorageConfig: load, now: () => NOW });
  return { code, out, err };
}

describe('npm run report', () => {
  it('GIVEN no options THEN prints the gaps across all servers, the 👎 answers and the totals for 30 days', async () => {
    const { code, out } = await report([]);
    expect(code).toBe(0);
    expect(out).toContain('Coverage gaps, all servers (2), last 30 days');
    expect(out).toContain('Asked 4 · Answered 1 · Refused 3 · 👍 0 · 👎 1');
    expect(out).toMatch(/okinawa ×2 — e\.g\. “Is Okinawa covered\?”/u);
    expect(out).toMatch(/👎 ×1 “What does Reiwa mean\?” — wrong-facts ×1\n\s+> Off by a year/u);
  });

  it('GIVEN --json THEN prints one JSON object with the totals, gaps and disliked answers', async () => {
    const { code, out } = await report(['--json', '--days', '7']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as {
      days: number;
      totals: Record<string, number>;
      gaps: { term: string; count: number }[];
    };
    expect(parsed.days).toBe(7);
    expect(parsed.totals).toEqual({ asked: 4, answered: 1, refused: 3, up: 0, down: 1 });
    expect(parsed.gaps.map((gap) => [gap.term, gap.count])).toEqual([
      ['okinawa', 2],
      ['tpp', 1],
    ]);
  });

  it('GIVEN --csv THEN prints kind,name,count,detail rows with quoted cells where needed', async () => {
    const { code, out } = await report(['--csv']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toBe('kind,name,count,detail');
    expect(lines).toContain('total,refused,3,');
    expect(lines).toContain('gap,tpp,1,"Is Japan in the TPP, ""really""?"');
    expect(lines).toContain('disliked,What does Reiwa mean?,1,wrong-facts:1 | Off by a year');
  });

  it('GIVEN a period with nothing recorded THEN says so', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await runReport({
      argv: ['--days', '1'],
      stdout,
      stderr: new PassThrough(),
      loadStorageConfig: () => config,
      now: () => NOW + 10 * 86_400_000,
    });
    expect(out).toContain('Asked 0 · Answered 0 · Refused 0');
    expect(out).toContain('(none)');
  });

  it('GIVEN bad options or configuration THEN exits 2 with a message', async () => {
    expect((await report(['--days', 'many'])).code).toBe(2);
    expect((await report(['--json', '--csv'])).code).toBe(2);
    const bad = await report([], () => {
      throw new ConfigError([{ variable: 'DATABASE_URL', problem: 'must be a postgres:// URL' }]);
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('DATABASE_URL');
  });
});
