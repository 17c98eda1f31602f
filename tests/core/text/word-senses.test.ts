import { describe, expect, it } from 'vitest';

import { isVerbInflection } from '../../../src/core/text/word-senses.js';

describe('isVerbInflection', () => {
  it.each(['snatched', 'hyped', 'pouring', 'stepped', 'sat', 'sent', 'spoke', 'dialed', 'estimated'])(
    'GIVEN "%s" (a past form, participle or -ing form of a verb) THEN it is one',
    (word) => {
      expect(isVerbInflection(word)).toBe(true);
    },
  );

  it.each(['slap', 'population', 'tariffs', 'emperor', 'need', 'bed', 'ring', 'xyzzed', 'toyota'])(
    'GIVEN "%s" (a base form, a noun, or no verb at all) THEN it is not',
    (word) => {
      expect(isVerbInflection(word)).toBe(false);
    },
  );
});
