import { describe, expect, it } from 'vitest';
import { TYPED_NOTHING_READABLE, validateQuestion } from '../../../src/core/service/validate-question.js';

describe('validateQuestion', () => {
  it('removes terminal escape sequences whole, so their tail is not read as words', () => {
    expect(validateQuestion('what does \u001b[31mreiwa\u001b[0m mean', 500)).toBe('what does reiwa mean');
  });

  it('collapses whitespace and trims', () => {
    expect(validateQuestion('  What does\n\tReiwa   mean?  ', 500)).toBe('What does Reiwa mean?');
  });

  it('refuses an empty or whitespace-only question with EMPTY_QUESTION', () => {
    for (const raw of ['', '   ', '\n\t', '\u0000\u0007']) {
      expect(() => validateQuestion(raw, 500)).toThrowError(
        expect.objectContaining({ code: 'EMPTY_QUESTION' }),
      );
    }
  });

  it('reads a message of terminal escape sequences only as typed but unreadable, not as empty', () => {
    for (const raw of ['\u001b[31m\u001b[0m\u001b[2J', '\u001b[2J\u0007']) {
      expect(validateQuestion(raw, 500)).toBe(TYPED_NOTHING_READABLE);
    }
  });

  it('refuses an over-long question, saying the limit', () => {
    expect(() => validateQuestion('a'.repeat(501), 500)).toThrowError(/limit is 500/);
    expect(() => validateQuestion('a'.repeat(501), 500)).toThrowError(
      expect.objectContaining({ code: 'QUESTION_TOO_LONG' }),
    );
    expect(validateQuestion('a'.repeat(500), 500)).toHaveLength(500);
  });

  it('counts characters, not UTF-16 units, so Japanese and emoji are measured fairly', () => {
    expect(validateQuestion('絆'.repeat(500), 500)).toHaveLength(500);
    expect(validateQuestion('🇯🇵'.repeat(250), 500).length).toBeGreaterThan(0);
  });

  it('removes control and bidi-override characters that could disguise text', () => {
    expect(validateQuestion('What\u202e is\u0007 Reiwa?', 500)).toBe('What is Reiwa?');
  });

  it('refuses input that is not text', () => {
    expect(() => validateQuestion(42, 500)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => validateQuestion(undefined, 500)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
