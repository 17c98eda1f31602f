import { describe, expect, it } from 'vitest';

import { runAsk } from '../../../src/cli/commands/run-ask.js';
import { ConfigError } from '../../../src/config/load-config.js';
import { KizunaError } from '../../../src/core/errors.js';
import { ANSI, captureOutput, harness } from '../support/cli-harness.js';
import { createFakeCore, refusal, echoAnswer } from '../../support/fake-core.js';
import { recordingFactory } from '../support/recording-factory.js';

function setup(
  argv: string[],
  options: { stdin?: string; core?: ReturnType<typeof createFakeCore>; env?: Record<string, string> } = {},
) {
  const core = options.core ?? createFakeCore({ answer: echoAnswer });
  const factory = recordingFactory(() => core);
  return { core, factory, ...harness({ argv, createCore: factory, ...options }) };
}

describe('ask', () => {
  it('prints the answer with its markers, then the sources with their verbatim passages', async () => {
    const { deps, stdout, stderr, core } = setup(['What', 'is', 'the', 'alliance?']);
    expect(await runAsk(deps)).toBe(0);
    expect(core.asked).toEqual([{ question: 'What is the alliance?' }]);
    const output = stdout.text();
    expect(output).toMatch(
      /^You asked: What is the alliance\? \[1\]\n\nSources\n\[1\] Fact Sheet A \(May 25, 2019\) — SECTION 1\n/,
    );
    expect(output).toContain('“Verbatim passage number 1');
    expect(stderr.text()).toBe('');
  });

  it("prints a refusal as the core's honest message, without sources, and exits 0", async () => {
    const core = createFakeCore({ answer: (request) => refusal({ question: request.question }) });
    const { deps, stdout } = setup(['Who won the World Cup?'], { core });
    expect(await runAsk(deps)).toBe(0);
    expect(stdout.text()).toBe(`${refusal({ question: '' }).text}\n`);
  });

  it('uses no colour when standard output is not a terminal, and colour on a terminal that supports it', async () => {
    const piped = setup(['question one']);
    await runAsk(piped.deps);
    expect(piped.stdout.text()).not.toMatch(ANSI);

    const terminal = captureOutput({ isTTY: true, colors: true, columns: 100 });
    const coloured = harness({
      argv: ['question one'],
      createCore: async () => createFakeCore({ answer: echoAnswer }),
      stdout: terminal,
    });
    await runAsk(coloured.deps);
    expect(terminal.text()).toMatch(ANSI);
  });

  it('with --json prints exactly one JSON object with the documented fields', async () => {
    const { deps, stdout } = setup(['--json', 'What is the alliance?']);
    expect(await runAsk(deps)).toBe(0);
    const lines = stdout.text().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual([
      'answer',
      'answered',
      'answerer',
      'citations',
      'language',
      'latencyMs',
      'outcome',
      'question',
    ]);
    expect(parsed).toMatchObject({
      question: 'What is the alliance?',
      answered: true,
      outcome: 'answered',
      language: 'en',
      answer: 'You asked: What is the alliance? [1]',
    });
    expect(typeof parsed.latencyMs).toBe('number');
    const citations = parsed.citations as Record<string, unknown>[];
    expect(citations).toHaveLength(1);
    expect(Object.keys(citations[0] ?? {}).sort()).toEqual([
      'approximateDate',
      'date',
      'displayDate',
      'documentId',
      'marker',
      'passage',
      'section',
      'title',
    ]);
    expect(citations[0]).toMatchObject({
      marker: 1,
      documentId: 'sheet-a',
      date: '2019-05-25',
      displayDate: 'May 25, 2019',
      approximateDate: false,
      section: 'SECTION 1',
    });
  });

  it('reads the question from standard input when none is given and input is piped', async () => {
    const { deps, core, stdout } = setup([], { stdin: '  Piped question?\n' });
    expect(await runAsk(deps)).toBe(0);
    expect(core.asked).toEqual([{ question: 'Piped question?' }]);
    expect(stdout.text()).toContain('You asked: Piped question?');
  });

  it('refuses to wait for a question on an interactive terminal, showing usage, exit 2', async () => {
    const { deps, stderr, factory } = setup([]);
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toContain('No question given');
    expect(stderr.text()).toContain('Usage: npm run ask');
    expect(factory.calls).toHaveLength(0);
  });

  it.each([
    ['an empty question', ''],
    ['a whitespace-only question', '   \t '],
  ])('rejects %s with a message on stderr and exit 2, without building the core', async (_name, question) => {
    const { deps, stderr, stdout, factory } = setup([question]);
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toMatch(/question is empty/i);
    expect(stdout.text()).toBe('');
    expect(factory.calls).toHaveLength(0);
  });

  it('rejects an over-long question (MAX_QUESTION_LENGTH) with exit 2, without building the core', async () => {
    const { deps, stderr, factory } = setup(['x'.repeat(41)], { env: { MAX_QUESTION_LENGTH: '40' } });
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toMatch(/41 characters.*limit is 40/);
    expect(factory.calls).toHaveLength(0);
  });

  it('with --json reports invalid input as {question, error} on stdout and exits 2', async () => {
    const { deps, stdout, factory } = setup(['--json', '   ']);
    expect(await runAsk(deps)).toBe(2);
    const parsed = JSON.parse(stdout.text()) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['error', 'question']);
    expect(parsed.error).toMatch(/empty/i);
    expect(factory.calls).toHaveLength(0);
  });

  it('passes an input error raised by the core through with exit 2', async () => {
    const core = createFakeCore({
      answer: () => {
        throw new KizunaError('INVALID_INPUT', 'That does not look like a question.');
      },
    });
    const { deps, stderr } = setup(['???'], { core });
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toBe('That does not look like a question.\n');
  });

  it('answers --help with usage on stdout, exit 0', async () => {
    const { deps, stdout, factory } = setup(['--help']);
    expect(await runAsk(deps)).toBe(0);
    expect(stdout.text()).toContain('--jsonl');
    expect(factory.calls).toHaveLength(0);
  });

  it('rejects an unknown flag by name, exit 2', async () => {
    const { deps, stderr, factory } = setup(['--frobnicate', 'question']);
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toBe('Unknown option --frobnicate. Run with --help to see the options.\n');
    expect(factory.calls).toHaveLength(0);
  });

  it('prints a configuration error as its message, exit 2', async () => {
    const { deps, stderr } = setup(['question'], { env: { MAX_QUESTION_LENGTH: 'lots' } });
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toContain('MAX_QUESTION_LENGTH');
    expect(stderr.text()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('prints a ConfigError raised while starting the core as its message, exit 2', async () => {
    const { deps, stderr } = harness({
      argv: ['question'],
      createCore: async () => {
        throw new ConfigError([{ variable: 'OPENAI_API_KEY', problem: 'required' }]);
      },
    });
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toContain('OPENAI_API_KEY: required');
  });

  it('reports any other start-up failure briefly (no stack trace), exit 1; --verbose adds the stack', async () => {
    const failing = async () => {
      throw new Error('index directory is unreadable');
    };
    const quiet = harness({ argv: ['question'], createCore: failing });
    expect(await runAsk(quiet.deps)).toBe(1);
    expect(quiet.stderr.text()).toContain('Kizuna could not start: index directory is unreadable');
    expect(quiet.stderr.text()).not.toMatch(/\n\s+at /);

    const verbose = harness({ argv: ['--verbose', 'question'], createCore: failing });
    expect(await runAsk(verbose.deps)).toBe(1);
    expect(verbose.stderr.text()).toMatch(/\n\s+at /);
  });

  it('routes core log messages to stderr as readable lines, warnings always and info only with --verbose', async () => {
    const chatty = (verbose: boolean) =>
      harness({
        argv: verbose ? ['--verbose', 'question'] : ['question'],
        createCore: async ({ logger }) => {
          logger.info({ passages: 3 }, 'index loaded');
          logger.warn('index is stale');
          return createFakeCore({ answer: echoAnswer });
        },
      });
    const quiet = chatty(false);
    await runAsk(quiet.deps);
    expect(quiet.stderr.text()).toBe('warning: index is stale\n');
    expect(quiet.stdout.text()).not.toContain('index');

    const verbose = chatty(true);
    await runAsk(verbose.deps);
    expect(verbose.stderr.text()).toBe('info: index loaded (passages=3)\nwarning: index is stale\n');
  });
});

describe('ask --jsonl', () => {
  it('answers one JSON object per input line, in order, continuing past empty, over-long and malformed lines', async () => {
    const input = [
      'First question?',
      '',
      'y'.repeat(41),
      '{"question": "Second question?"',
      '{"question": 42}',
      '{"question": "Follow-up?", "history": [{"role": "user", "text": "First question?"}, {"role": "assistant", "text": "An answer."}]}',
      'Last question?',
    ].join('\n');
    const { deps, stdout, core } = setup(['--jsonl'], {
      stdin: `${input}\n`,
      env: { MAX_QUESTION_LENGTH: '40' },
    });
    expect(await runAsk(deps)).toBe(0);

    const outputs = stdout
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(outputs).toHaveLength(7);
    expect(outputs[0]).toMatchObject({ question: 'First question?', answered: true });
    expect(outputs[1]).toMatchObject({ line: 2, error: expect.stringMatching(/empty/i) });
    expect(outputs[2]).toMatchObject({ line: 3, error: expect.stringMatching(/limit is 40/) });
    expect(outputs[3]).toMatchObject({ line: 4, error: expect.stringMatching(/malformed json/i) });
    expect(outputs[4]).toMatchObject({ line: 5, error: expect.stringMatching(/invalid request/i) });
    expect(outputs[5]).toMatchObject({ question: 'Follow-up?', answered: true });
    expect(outputs[6]).toMatchObject({ question: 'Last question?', answered: true });

    expect(core.asked.map((request) => request.question)).toEqual([
      'First question?',
      'Follow-up?',
      'Last question?',
    ]);
    expect(core.asked[1]?.history).toEqual([
      { role: 'user', text: 'First question?' },
      { role: 'assistant', text: 'An answer.' },
    ]);
  });

  it('keeps going when the core fails on one question', async () => {
    const core = createFakeCore({
      answer: (request) => {
        if (request.question.startsWith('boom')) throw new Error('model timed out');
        return refusal({ question: request.question });
      },
    });
    const { deps, stdout } = setup(['--jsonl'], { stdin: 'boom?\nfine?\n', core });
    expect(await runAsk(deps)).toBe(0);
    const outputs = stdout
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(outputs).toEqual([
      { line: 1, question: 'boom?', error: expect.any(String) },
      expect.objectContaining({ question: 'fine?', answered: false }),
    ]);
  });

  it('exits 1 with nothing on stdout when the core cannot start', async () => {
    const { deps, stdout } = harness({
      argv: ['--jsonl'],
      stdin: 'a question?\n',
      createCore: async () => {
        throw new Error('no knowledge');
      },
    });
    expect(await runAsk(deps)).toBe(1);
    expect(stdout.text()).toBe('');
  });

  it('refuses to combine --jsonl with a question argument or with --json', async () => {
    expect(await runAsk(setup(['--jsonl', 'question']).deps)).toBe(2);
    expect(await runAsk(setup(['--jsonl', '--json']).deps)).toBe(2);
  });
});
