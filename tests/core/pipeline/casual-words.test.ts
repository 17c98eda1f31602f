import { describe, expect, it } from 'vitest';

import { withoutChatWords } from '../../../src/core/pipeline/casual-words.js';

describe('withoutChatWords', () => {
  it.each([
    ['pls what even is reiwa', 'what is reiwa'],
    ['yo ngl who signed the memo lol', 'who signed the memo'],
    ['what does reiwa mean?', 'what does reiwa mean?'],
  ])('GIVEN "%s" THEN the question reads "%s"', (text, expected) => {
    expect(withoutChatWords(text)).toBe(expected);
  });
});
