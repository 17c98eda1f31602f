import { describe, expect, it } from 'vitest';

import { dropMoneyIntensifiers } from '../../../src/core/question/money-intensifiers.js';

describe('dropMoneyIntensifiers', () => {
  it.each([
    ['which firms poured serious cash into plants', 'which firms poured cash into plants'],
    ['they sunk a ton of money into factories', 'they sunk money into factories'],
    ['pumped big bucks into ohio', 'pumped bucks into ohio'],
    ['put lots of capital into R&D', 'put capital into R&D'],
  ])('GIVEN "%s" THEN the degree word goes', (text, expected) => {
    expect(dropMoneyIntensifiers(text)).toBe(expected);
  });

  it.each(['a big deal', 'a serious threat', 'big-name firms'])(
    'GIVEN "%s" THEN words before anything but money stay',
    (text) => {
      expect(dropMoneyIntensifiers(text)).toBe(text);
    },
  );
});
