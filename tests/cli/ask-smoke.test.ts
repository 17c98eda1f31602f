import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * The real CLI, real core and real fact sheets, offline, with a throw-away index: `npm run ask` runs the
 * compiled CLI (dist/, built by the global setup as `npm ci` builds it), `npm run ask:dev` the source through tsx.
 */
describe.each([
  ['ask', 'the compiled CLI'],
  ['ask:dev', 'the source through tsx'],
])('npm run %s (%s, real process, smoke test)', (script) => {
  let indexDir: string;
  beforeAll(async () => {
    indexDir = await mkdtemp(path.join(tmpdir(), 'kizuna-cli-smoke-'));
  });
  afterAll(async () => {
    await rm(indexDir, { recursive: true, force: true });
  });

  it('answers "What does Reiwa mean?" as one JSON object whose citations support it', async () => {
    const { stdout } = await run(
      'npm',
      ['run', '--silent', script, '--', '--json', 'What does Reiwa mean?'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          INDEX_DIR: indexDir,
          EMBEDDINGS_PROVIDER: 'offline',
          ANSWER_PROVIDER: 'extractive',
          LOG_LEVEL: 'warn',
        },
        timeout: 120_000,
      },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '') as {
      question: string;
      answered: boolean;
      answer: string;
      citations: { marker: number; passage: string }[];
      latencyMs: number;
    };
    expect(answer.question).toBe('What does Reiwa mean?');
    expect(answer.answered).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    // Every marker in the text points at a listed citation, and the cited words mention what was asked about.
    for (const [, marker] of answer.answer.matchAll(/\[(\d+)\]/g)) {
      expect(answer.citations.map((citation) => citation.marker)).toContain(Number(marker));
    }
    expect(answer.citations.some((citation) => /reiwa/i.test(citation.passage))).toBe(true);
  }, 150_000);
});
