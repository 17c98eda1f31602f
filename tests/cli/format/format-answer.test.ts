import { describe, expect, it } from 'vitest';

import { formatAnswerForTerminal } from '../../../src/cli/format/format-answer.js';
import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import { ANSI } from '../support/cli-harness.js';
import { citation, refusal } from '../../support/fake-core.js';

const plain = { width: 80, color: false };

describe('formatAnswerForTerminal', () => {
  const answer = {
    answered: true,
    text: 'The allies cooperate closely [1] and invest in each other [2].',
    citations: [citation({ marker: 1 }), citation({ marker: 2, section: 'SHARED PROSPERITY' })],
  };

  it('prints the answer with its markers, then a Sources list with each passage quoted verbatim', () => {
    const output = formatAnswerForTerminal(answer, plain);
    const [body, sources] = output.split('\n\n');
    expect(body).toBe(answer.text);
    expect(sources).toMatch(/^Sources\n/);
    expect(sources).toContain('[1] Fact Sheet A (May 25, 2019) — SECTION 1');
    expect(sources).toContain('[2] Fact Sheet A (May 25, 2019) — SHARED PROSPERITY');
    const quoted = sources
      ?.split('\n')
      .filter((line) => line.startsWith('    '))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(quoted).toContain(`“${citation({ marker: 1 }).passage}”`);
  });

  it('GIVEN an answer that stands in for a model THEN it ends with the fallback note', () => {
    const reason = 'the language model did not answer within 1000 ms';
    const output = formatAnswerForTerminal({ ...answer, fallbackReason: reason }, plain);
    // The note is wrapped to the width like everything else.
    expect(output.split('\n\n').at(-1)?.replace(/\n/gu, ' ')).toBe(formatFallbackNote(reason));
    expect(output.startsWith(formatAnswerForTerminal(answer, plain))).toBe(true);
  });

  it('GIVEN no fallbackReason THEN there is no note', () => {
    expect(formatAnswerForTerminal(answer, plain)).not.toContain('Answered from the fact sheets directly');
  });

  it('wraps everything to the width', () => {
    const long = { ...answer, text: `${'The alliance is strong and getting stronger. '.repeat(6)}[1]` };
    for (const line of formatAnswerForTerminal(long, { width: 40, color: false }).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(40);
    }
  });

  it('prints a refusal as the core wrote it, with no sources', () => {
    const output = formatAnswerForTerminal(refusal({ question: 'Who won the 1998 World Cup?' }), plain);
    expect(output).toBe(refusal({ question: 'x' }).text);
    expect(output).not.toContain('Sources');
  });

  it('omits the section dash for the opening quotation, which has no section', () => {
    const output = formatAnswerForTerminal(
      { ...answer, citations: [citation({ marker: 1, section: '' })] },
      plain,
    );
    expect(output).toContain('[1] Fact Sheet A (May 25, 2019)\n');
  });

  it('can leave the passages out (chat shows them on /sources)', () => {
    const output = formatAnswerForTerminal(answer, { ...plain, withPassages: false });
    expect(output).toContain('[1] Fact Sheet A');
    expect(output).not.toContain(citation({ marker: 1 }).passage);
  });

  it('uses colour only when asked to, without changing the words', () => {
    expect(formatAnswerForTerminal(answer, plain)).not.toMatch(ANSI);
    const coloured = formatAnswerForTerminal(answer, { width: 80, color: true });
    expect(coloured).toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatAnswerForTerminal(answer, plain));
  });
});

describe('formatAnswerForTerminal by outcome and language', () => {
  it('GIVEN a related answer (not answered, one citation) THEN its source is listed under the text', () => {
    const output = formatAnswerForTerminal(
      {
        answered: false,
        text: "The fact sheets don't say when. The closest they come: … [1]",
        citations: [citation({ marker: 1 })],
      },
      plain,
    );
    expect(output).toContain('The closest they come');
    expect(output).toContain('\n\nSources\n[1] Fact Sheet A');
  });

  it('GIVEN a Japanese answer THEN the sources are headed 出典, and the Japanese lead-in keeps its own line', () => {
    const output = formatAnswerForTerminal(
      {
        answered: true,
        language: 'ja',
        text: 'ファクトシートには次のようにあります（英語の原文）：\nReiwa means "beautiful harmony." [1]',
        citations: [citation({ marker: 1 })],
      },
      plain,
    );
    expect(output.split('\n')[0]).toBe('ファクトシートには次のようにあります（英語の原文）：');
    expect(output).toContain('\n\n出典\n[1] ');
  });
});
