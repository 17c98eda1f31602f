import { describe, expect, it } from 'vitest';

import { runChat } from '../../../src/cli/commands/run-chat.js';
import { KizunaError } from '../../../src/core/errors.js';
import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import { ANSI, harness } from '../support/cli-harness.js';
import { createFakeCore, coreStatus, citation, quoteResult, echoAnswer } from '../../support/fake-core.js';
import { recordingFactory } from '../support/recording-factory.js';

function chat(
  lines: string[],
  core = createFakeCore({ answer: echoAnswer, quotes: [quoteResult('President One', 'We stand together.')] }),
  argv: string[] = [],
) {
  const run = harness({
    argv,
    stdin: `${lines.join('\n')}\n`,
    createCore: recordingFactory(() => core),
    env: { MAX_QUESTION_LENGTH: '40' },
  });
  return { core, ...run, exitCode: runChat(run.deps) };
}

describe('chat (input piped, not a terminal)', () => {
  it('answers each question and sends earlier turns as history for follow-ups', async () => {
    const { core, exitCode, stdout } = chat(['First question?', 'And then?']);
    expect(await exitCode).toBe(0);
    expect(core.asked).toEqual([
      { question: 'First question?' },
      {
        question: 'And then?',
        history: [
          { role: 'user', text: 'First question?' },
          { role: 'assistant', text: 'You asked: First question? [1]' },
        ],
      },
    ]);
    expect(stdout.text()).toContain('kizuna ›\nYou asked: And then? [1]');
    expect(stdout.text()).not.toContain('you ›');
    expect(stdout.text()).not.toMatch(ANSI);
  });

  it('/reset forgets the context', async () => {
    const { core, exitCode, stdout } = chat(['First question?', '/reset', 'Fresh question?']);
    expect(await exitCode).toBe(0);
    expect(core.asked[1]).toEqual({ question: 'Fresh question?' });
    expect(stdout.text()).toContain('Context cleared');
  });

  it('/exit ends the chat and ignores what follows', async () => {
    const { core, exitCode } = chat(['First question?', '/exit', 'Never asked?']);
    expect(await exitCode).toBe(0);
    expect(core.asked.map((request) => request.question)).toEqual(['First question?']);
  });

  it('/sources shows the fact sheets and the passages cited by the last answer', async () => {
    const { exitCode, stdout } = chat(['First question?', '/sources']);
    expect(await exitCode).toBe(0);
    const output = stdout.text();
    expect(output).toContain('Fact sheets');
    expect(output).toContain('Cited in the last answer');
    expect(output).toContain('“Verbatim passage number 1');
  });

  it('/quote finds a quotation by speaker, or lists the speakers when none matches', async () => {
    const { core, exitCode, stdout } = chat(['/quote president', '/quote nobody']);
    expect(await exitCode).toBe(0);
    expect(core.quoteQueries).toEqual([{ speaker: 'president' }, { speaker: 'nobody' }]);
    expect(stdout.text()).toContain('“We stand together.”');
    expect(stdout.text()).toContain('Known speakers: President One');
  });

  it('/status and /help answer without asking the core a question', async () => {
    const { core, exitCode, stdout } = chat(['/status', '/help']);
    expect(await exitCode).toBe(0);
    expect(core.asked).toHaveLength(0);
    expect(stdout.text()).toContain('Kizuna status');
    expect(stdout.text()).toContain('/reset');
  });

  it('GIVEN --lang ja THEN /help and an unknown command are in Japanese', async () => {
    const { exitCode, stdout } = chat(['/help', '/frobnicate'], undefined, ['--lang', 'ja']);
    expect(await exitCode).toBe(0);
    expect(stdout.text()).toContain('これまでの会話を忘れる');
    expect(stdout.text()).toContain('/frobnicate というコマンドはありません');
  });

  it('GIVEN --lang ja THEN /sources, /status and /reset have Japanese headings, with no English one left', async () => {
    const { exitCode, stdout } = chat(['First question?', '/sources', '/status', '/reset'], undefined, [
      '--lang',
      'ja',
    ]);
    expect(await exitCode).toBe(0);
    const output = stdout.text();
    expect(output).toContain('ファクトシート\n');
    expect(output).toContain('直前の回答が引用した箇所');
    expect(output).toContain('Kizunaの状態');
    expect(output).toContain('会話をリセットしました');
    expect(output).not.toMatch(/Fact sheets|Cited in the last answer|Kizuna status|Context cleared/u);
  });

  it('GIVEN a model answerer THEN /status shows the provider line and a fallback answer shows its note', async () => {
    const reason = 'the language model was unavailable';
    const core = createFakeCore({
      status: {
        ...coreStatus(),
        answerer: 'openai:gpt-4o-mini',
        provider: {
          provider: 'openai:gpt-4o-mini',
          recentCalls: 0,
          recentFailureRate: 0,
          inFlight: 0,
          queued: 0,
        },
      },
      answer: (request) => ({
        question: request.question,
        answered: false,
        outcome: 'not-covered',
        language: 'en',
        text: 'No idea.',
        citations: [],
        missingTerms: [],
        answerer: 'extractive',
        fallbackReason: reason,
        latencyMs: 1,
      }),
    });
    const { exitCode, stdout } = chat(['/status', 'one?'], core);
    expect(await exitCode).toBe(0);
    expect(stdout.text()).toMatch(/Provider:\s+openai:gpt-4o-mini — no success yet; no errors/u);
    expect(stdout.text()).toContain(formatFallbackNote(reason));
  });

  it('explains a bad line (over-long, unknown command) and carries on; blank lines are ignored', async () => {
    const { core, exitCode, stdout } = chat(['z'.repeat(41), '', '/dance', 'Still here?']);
    expect(await exitCode).toBe(0);
    expect(stdout.text()).toMatch(/limit is 40/);
    expect(stdout.text()).toContain('Unknown command /dance');
    expect(core.asked.map((request) => request.question)).toEqual(['Still here?']);
  });

  it('shows an unexpected error briefly and carries on; a user-facing error is shown as is', async () => {
    let calls = 0;
    const core = createFakeCore({
      answer: (request) => {
        calls += 1;
        if (calls === 1) throw new Error('socket hang up');
        if (calls === 2) throw new KizunaError('PROVIDER_UNAVAILABLE', 'The model is unavailable right now.');
        return {
          question: request.question,
          answered: false,
          outcome: 'not-covered',
          language: 'en',
          text: 'No idea.',
          citations: [],
          missingTerms: [],
          answerer: 'fake',
          latencyMs: 1,
        };
      },
    });
    const { exitCode, stdout, stderr } = chat(['one?', 'two?', 'three?'], core);
    expect(await exitCode).toBe(0);
    expect(stderr.text()).toContain('Something went wrong (socket hang up)');
    expect(stdout.text()).toContain('The model is unavailable right now.');
    expect(stdout.text()).toContain('No idea.');
  });

  it('failed turns add nothing to the history', async () => {
    let calls = 0;
    const core = createFakeCore({
      answer: (request) => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return {
          question: request.question,
          answered: false,
          outcome: 'not-covered',
          language: 'en',
          text: 'No idea.',
          citations: [],
          missingTerms: [],
          answerer: 'fake',
          latencyMs: 1,
        };
      },
    });
    const { exitCode } = chat(['one?', 'two?'], core);
    expect(await exitCode).toBe(0);
    expect(core.asked[1]).toEqual({ question: 'two?' });
  });
});

describe('chat (interactive terminal)', () => {
  it('greets, prompts "you ›" for each line and ends at end of input (Ctrl-D)', async () => {
    const core = createFakeCore({ answer: echoAnswer });
    const run = harness({ argv: [], stdin: 'Hello?\n', createCore: recordingFactory(() => core) });
    expect(await runChat({ ...run.deps, isTTY: true })).toBe(0);
    const output = run.stdout.text();
    expect(output).toContain('/help for commands');
    expect(output.match(/you › /g)?.length).toBeGreaterThanOrEqual(2);
    expect(core.asked).toEqual([{ question: 'Hello?' }]);
  });
});

describe('chat --lang and related answers', () => {
  it('GIVEN --lang ja THEN every question asks for Japanese', async () => {
    const core = createFakeCore({ answer: echoAnswer });
    const run = harness({
      argv: ['--lang', 'ja'],
      stdin: 'First?\nAnd then?\n',
      createCore: recordingFactory(() => core),
    });
    expect(await runChat(run.deps)).toBe(0);
    expect(core.asked.map((request) => request.language)).toEqual(['ja', 'ja']);
  });

  it('GIVEN a related answer THEN the chat lists where its marker points, like an answer', async () => {
    const core = createFakeCore({
      answer: (request) => ({
        question: request.question,
        answered: false,
        outcome: 'related',
        language: 'en',
        text: "The fact sheets don't say when. The closest they come: … [1]",
        citations: [citation({ marker: 1 })],
        missingTerms: [],
        answerer: 'kizuna',
        latencyMs: 1,
      }),
    });
    const run = harness({ argv: [], stdin: 'When?\n', createCore: recordingFactory(() => core) });
    expect(await runChat(run.deps)).toBe(0);
    expect(run.stdout.text()).toContain('The closest they come');
    expect(run.stdout.text()).toContain('Sources\n[1] Fact Sheet A');
  });
});
