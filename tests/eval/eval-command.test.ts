import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Answer, AskRequest } from '../../src/core/types.js';
import { runEvalCommand } from '../../src/eval/eval-command.js';
import type { EvalReport } from '../../src/eval/report.js';
import { answered, citation, createFakeCore, refusal } from '../support/fake-core.js';

const questions = [
  {
    id: 'jobs-direct-1',
    kind: 'direct',
    question: 'How many jobs?',
    answerable: true,
    expectedPassages: ['850,000 American jobs'],
    keyFacts: ['850,000'],
  },
  { id: 'weather-oos-1', kind: 'out-of-scope', question: 'Weather?', answerable: false },
];

// Answers the jobs question correctly and refuses everything else.
function honest(request: AskRequest): Answer {
  return request.question === 'How many jobs?'
    ? answered({
        text: 'Over 850,000 [1].',
        citations: [citation({ marker: 1, passage: 'over 850,000 American jobs', documentId: 'doc-a' })],
      })
    : refusal();
}

function sink() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('runEvalCommand', () => {
  let dir: string;
  let files: { questions: string; thresholds: string; out: string };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kizuna-eval-'));
    files = {
      questions: join(dir, 'q.json'),
      thresholds: join(dir, 't.json'),
      out: join(dir, 'reports', 'eval.json'),
    };
    await writeFile(files.questions, JSON.stringify(questions));
    await writeFile(
      files.thresholds,
      JSON.stringify({ citationAccuracy: 0.9, refusalRate: 0.9, errorCount: 0 }),
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(extra: string[], respond: (request: AskRequest) => Answer = honest) {
    const stdout = sink();
    const stderr = sink();
    const args = [
      '--questions',
      files.questions,
      '--thresholds',
      files.thresholds,
      '--out',
      files.out,
      ...extra,
    ];
    const code = await runEvalCommand(args, {
      createCore: async () => createFakeCore({ answer: respond }),
      stdout,
      stderr,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  it('prints the table, writes the JSON report and exits 0', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toContain('overall');
    expect(stdout).toContain('Machine:');
    const report = JSON.parse(await readFile(files.out, 'utf8')) as EvalReport;
    expect(report.overall.citationAccuracy).toBe(1);
    expect(report.questions.map((q) => q.id)).toEqual(['jobs-direct-1', 'weather-oos-1']);
    expect(report.thresholds).toEqual({ citationAccuracy: 0.9, refusalRate: 0.9, errorCount: 0 });
  });

  it('with --ci, exits 0 when every threshold is met', async () => {
    const { code, stdout } = await run(['--ci']);
    expect(code).toBe(0);
    expect(stdout).toContain('All thresholds met.');
  });

  it('with --ci, exits 1 and lists each figure below its threshold', async () => {
    const { code, stdout } = await run(['--ci'], () =>
      answered({
        text: 'Sunny [1].',
        citations: [citation({ marker: 1, passage: 'unrelated', documentId: 'doc-a' })],
      }),
    );
    expect(code).toBe(1);
    expect(stdout).toContain('- citationAccuracy: 0.0%, needs at least 90.0%');
    expect(stdout).toContain('- refusalRate: 0.0%, needs at least 90.0%');
  });

  it('without --ci, exits 0 even when figures are low', async () => {
    const { code } = await run([], () => refusal());
    expect(code).toBe(0);
  });

  it('with --json, prints only the report on standard output', async () => {
    const { code, stdout, stderr } = await run(['--json', '--ci', '--verbose']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.overall.n).toBe(2);
    expect(stderr).toContain('All thresholds met.');
  });

  it('with --verbose, lists failed questions and why', async () => {
    const { stdout } = await run(['--verbose'], () => refusal());
    expect(stdout).toContain('jobs-direct-1 (direct): How many jobs?');
    expect(stdout).toContain('refused an answerable question');
  });

  it('exits 2 with a message when the core cannot start', async () => {
    const stderr = sink();
    const code = await runEvalCommand(['--questions', files.questions, '--out', files.out], {
      createCore: () => Promise.reject(new Error('index missing')),
      stdout: sink(),
      stderr,
    });
    expect(code).toBe(2);
    expect(stderr.text()).toContain('cannot start: index missing');
  });

  it('exits 2 with usage on an unknown option', async () => {
    const { code, stderr } = await run(['--fast']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run eval');
  });
});
