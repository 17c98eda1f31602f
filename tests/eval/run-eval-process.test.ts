import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The real `npm run eval` entry file, offline, with a throw-away index and report. */
describe('eval (real process)', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'kizuna-eval-process-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  const evaluate = (args: readonly string[], env: Record<string, string>) =>
    run('npx', ['tsx', 'src/eval/run-eval.ts', '--out', path.join(scratch, 'eval.json'), ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        INDEX_DIR: path.join(scratch, 'index'),
        EMBEDDINGS_PROVIDER: 'offline',
        ANSWER_PROVIDER: 'extractive',
        ...env,
      },
      timeout: 120_000,
    });

  it('GIVEN the default LOG_LEVEL THEN standard error holds sentences for a person, no JSON log lines', async () => {
    const { stdout, stderr } = await evaluate([], { LOG_LEVEL: 'info' });
    expect(stdout).toMatch(/^Kizuna evaluation: /mu);
    expect(stderr).not.toMatch(/^\{/mu);
    expect(stderr).toContain('eval: asking');
  }, 150_000);

  it('GIVEN --json THEN standard output is exactly one JSON report', async () => {
    const { stdout, stderr } = await evaluate(['--json'], { LOG_LEVEL: 'info' });
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stderr).not.toMatch(/^\{/mu);
  }, 150_000);
});
