import { describe, expect, it } from 'vitest';

import { validateQuestion } from '../../src/cli/validate-question.js';

describe('validateQuestion', () => {
  it('accepts a question, trimmed', () => {
    expect(validateQuestion('  Why?\n', 20)).toEqual({ ok: true, question: 'Why?' });
  });

  it('accepts a question exactly at the limit and refuses one character more, naming both lengths', () => {
    expect(validateQuestion('a'.repeat(20), 20).ok).toBe(true);
    const result = validateQuestion('a'.repeat(21), 20);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/21 characters.*limit is 20/) });
  });

  it('refuses an empty or whitespace-only question with a hint', () => {
    expect(validateQuestion(' \n\t', 20)).toEqual({
      ok: false,
      error: expect.stringMatching(/empty.*e\.g\./),
    });
  });
});
