import { describe, expect, it } from 'vitest';

import { runAsk } from '../../../src/cli/commands/run-ask.js';
import type { Answer, AskRequest } from '../../../src/core/types.js';
import { harness } from '../support/cli-harness.js';
import { createFakeCore, citation } from '../../support/fake-core.js';
import { recordingFactory } from '../support/recording-factory.js';

function setup(argv: string[], options: { stdin?: string; answer?: (request: AskRequest) => Answer } = {}) {
  const core = createFakeCore(options.answer ? { answer: options.answer } : {});
  const input = options.stdin === undefined ? {} : { stdin: options.stdin };
  return { core, ...harness({ argv, createCore: recordingFactory(() => core), ...input }) };
}

/** A reply in Japanese when asked for it, citing the sheet's English sentence. */
function japaneseAware(request: AskRequest): Answer {
  const ja = request.language === 'ja';
  return {
    question: request.question,
    answered: true,
    outcome: 'answered',
    language: ja ? 'ja' : 'en',
    text: `${ja ? 'ファクトシートには次のようにあります（英語の原文）：\n' : ''}Reiwa means "beautiful harmony." [1]`,
    citations: [citation({ marker: 1 })],
    missingTerms: [],
    answerer: 'fake',
    latencyMs: 1,
  };
}

function related(request: AskRequest): Answer {
  return {
    question: request.question,
    answered: false,
    outcome: 'related',
    language: 'en',
    text: "The fact sheets don't say when. The closest they come: The plant will create 4,000 jobs. [1]",
    citations: [citation({ marker: 1 })],
    missingTerms: [],
    answerer: 'kizuna',
    latencyMs: 1,
  };
}

describe('ask --lang', () => {
  it('GIVEN --lang ja THEN the core is asked for Japanese and Sources is headed 出典', async () => {
    const { deps, stdout, core } = setup(['--lang', 'ja', 'What does Reiwa mean?'], {
      answer: japaneseAware,
    });
    expect(await runAsk(deps)).toBe(0);
    expect(core.asked).toEqual([{ question: 'What does Reiwa mean?', language: 'ja' }]);
    expect(stdout.text()).toMatch(/^ファクトシートには/u);
    expect(stdout.text()).toContain('\n出典\n');
  });

  it('GIVEN --lang en THEN English is asked for; without --lang no language is named', async () => {
    const withEn = setup(['--lang', 'en', 'trade?']);
    await runAsk(withEn.deps);
    expect(withEn.core.asked).toEqual([{ question: 'trade?', language: 'en' }]);
    const without = setup(['trade?']);
    await runAsk(without.deps);
    expect(without.core.asked).toEqual([{ question: 'trade?' }]);
  });

  it('GIVEN an unknown language THEN it is a usage error naming the accepted ones, and nothing is asked', async () => {
    const { deps, stderr, core } = setup(['--lang', 'fr', 'trade?']);
    expect(await runAsk(deps)).toBe(2);
    expect(stderr.text()).toMatch(/use en or ja/u);
    expect(core.asked).toEqual([]);
  });

  it('GIVEN --json THEN the language and outcome are in the output', async () => {
    const { deps, stdout } = setup(['--json', '--lang', 'ja', 'What does Reiwa mean?'], {
      answer: japaneseAware,
    });
    await runAsk(deps);
    expect(JSON.parse(stdout.text())).toMatchObject({ outcome: 'answered', language: 'ja' });
  });

  it('GIVEN --jsonl THEN a line may name its own language, and --lang applies to the others', async () => {
    const { deps, core } = setup(['--jsonl', '--lang', 'ja'], {
      stdin: 'first?\n{"question": "second?", "language": "en"}\n',
    });
    expect(await runAsk(deps)).toBe(0);
    expect(core.asked).toEqual([
      { question: 'first?', language: 'ja' },
      { question: 'second?', language: 'en' },
    ]);
  });
});

describe('ask with a related answer (the closest passage, not an exact answer)', () => {
  it('THEN the human output shows the text and still lists the passage it cites', async () => {
    const { deps, stdout } = setup(['When was the plant opened?'], { answer: related });
    expect(await runAsk(deps)).toBe(0);
    expect(stdout.text()).toContain('The closest they come');
    expect(stdout.text()).toContain('\nSources\n[1] ');
  });

  it('THEN --json says related, not answered, with its citation', async () => {
    const { deps, stdout } = setup(['--json', 'When was the plant opened?'], { answer: related });
    await runAsk(deps);
    const parsed = JSON.parse(stdout.text()) as { answered: boolean; outcome: string; citations: unknown[] };
    expect(parsed).toMatchObject({ answered: false, outcome: 'related' });
    expect(parsed.citations).toHaveLength(1);
  });
});
