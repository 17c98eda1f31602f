import { describe, expect, it } from 'vitest';
import { messages } from '../../src/core/language/messages.js';

import { checkQuestion } from '../../src/cli/check-question.js';

describe('checkQuestion', () => {
  it('accepts a question, trimmed', () => {
    expect(checkQuestion('  Why?\n', 20)).toEqual({ ok: true, question: 'Why?' });
  });

  it('accepts a question exactly at the limit and refuses one character more, naming both lengths', () => {
    expect(checkQuestion('a'.repeat(20), 20).ok).toBe(true);
    const result = checkQuestion('a'.repeat(21), 20);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/21 characters.*limit is 20/) });
  });

  it('words the refusal in the preferred language (--lang ja)', () => {
    expect(checkQuestion('   ', 500, 'ja')).toEqual({ ok: false, error: messages('ja').emptyQuestion });
    expect(checkQuestion('あ'.repeat(11), 10, 'ja')).toEqual({
      ok: false,
      error: messages('ja').questionTooLong(11, 10),
    });
  });

  it('refuses an empty or whitespace-only question with a hint', () => {
    expect(checkQuestion(' \n\t', 20)).toEqual({
      ok: false,
      error: expect.stringMatching(/empty.*e\.g\./),
    });
  });
});
