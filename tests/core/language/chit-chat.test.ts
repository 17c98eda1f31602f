import { describe, expect, it } from 'vitest';

import { isJapaneseChitChat } from '../../../src/core/language/chit-chat.js';

describe('isJapaneseChitChat', () => {
  it.each([
    'ありがとう',
    'ありがとうございます！',
    'こんにちは',
    'テスト',
    '了解',
    'よろしく',
    'きずなさん、ありがとう😊',
    'ｗｗｗ草',
  ])('GIVEN %s THEN it is small talk', (text) => {
    expect(isJapaneseChitChat(text)).toBe(true);
  });

  it.each(['ありがとう、令和の意味は？', '令和', 'テストの結果は？', ''])(
    'GIVEN %s THEN it is not small talk',
    (text) => {
      expect(isJapaneseChitChat(text)).toBe(false);
    },
  );
});
