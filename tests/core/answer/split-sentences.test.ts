import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/answer/split-sentences.js';

describe('splitSentences', () => {
  it('splits two sentences', () => {
    expect(
      splitSentences('We negotiated agreements on energy. Both sides are promoting investment.'),
    ).toEqual(['We negotiated agreements on energy.', 'Both sides are promoting investment.']);
  });

  it('keeps initials and "U.S." inside their sentence', () => {
    const text =
      'Abe met then-President-Elect Donald J. Trump. The U.S. Trade and Development Agency signed.';
    expect(splitSentences(text)).toEqual([
      'Abe met then-President-Elect Donald J. Trump.',
      'The U.S. Trade and Development Agency signed.',
    ]);
  });

  it('returns a single sentence unchanged', () => {
    expect(splitSentences('Japanese companies support over 850,000 American jobs.')).toEqual([
      'Japanese companies support over 850,000 American jobs.',
    ]);
  });
});
