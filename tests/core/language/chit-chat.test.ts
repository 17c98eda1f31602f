import { describe, expect, it } from 'vitest';

import { isJapaneseChitChat, isJapaneseHelpRequest } from '../../../src/core/language/chit-chat.js';

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

describe('isJapaneseHelpRequest', () => {
  it.each([
    'ヘルプ',
    'へるぷ',
    'たすけて',
    '助けて！',
    '使い方',
    '使い方を教えてください',
    'キズナ、ヘルプ',
    '何ができる？',
  ])('GIVEN %s THEN it asks for help, as "help" does in English, and is small talk', (text) => {
    expect(isJapaneseHelpRequest(text)).toBe(true);
    expect(isJapaneseChitChat(text)).toBe(true);
  });

  it.each(['ヘルプの意味は？', 'ありがとう', 'テストを教えて', '拉致被害者を助けてとトランプは言った？'])(
    'GIVEN %s THEN it is no request for help',
    (text) => {
      expect(isJapaneseHelpRequest(text)).toBe(false);
    },
  );
});
