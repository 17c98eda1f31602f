import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The real `ask` process: Discord's settings are Discord's business, and the CLI's output is for a person. */
describe('ask (real process) beside a broken Discord configuration', () => {
  let indexDir: string;
  beforeAll(async () => {
    indexDir = await mkdtemp(path.join(tmpdir(), 'kizuna-cli-discord-'));
  });
  afterAll(async () => {
    await rm(indexDir, { recursive: true, force: true });
  });

  const ask = (env: Record<string, string>) =>
    run('npm', ['run', '--silent', 'ask', '--', 'What does Reiwa mean?'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        INDEX_DIR: indexDir,
        EMBEDDINGS_PROVIDER: 'offline',
        ANSWER_PROVIDER: 'extractive',
        ...env,
      },
      timeout: 120_000,
    });

  it('GIVEN DISCORD_SHARD_COUNT=0 and DISCORD_APPLICATION_ID=123 THEN it still answers, exit 0, with no logs', async () => {
    const { stdout, stderr } = await ask({
      DISCORD_SHARD_COUNT: '0',
      DISCORD_APPLICATION_ID: '123',
      ADMIN_ROLE_IDS: 'moderators',
      LOG_LEVEL: 'info',
    });
    expect(stdout).toMatch(/Reiwa[\s\S]*Sources/u);
    expect(stderr).toBe('');
  }, 150_000);

  it('GIVEN LOG_LEVEL=debug THEN the structured JSON logs appear on standard error, and only there', async () => {
    const { stdout, stderr } = await ask({ LOG_LEVEL: 'debug' });
    expect(stdout).not.toContain('{"level"');
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  }, 150_000);
});
