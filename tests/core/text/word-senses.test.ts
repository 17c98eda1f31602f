import { describe, expect, it } from 'vitest';

import { isVerb, isVerbInflection } from '../../../src/core/text/word-senses.js';
import { WORDNET_VERBS } from '../../../src/core/text/wordnet-verbs.js';

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

describe('isVerb', () => {
  it.each(['abduct', 'dialed', 'forgot', 'plant', 'nominate', 'stepped'])(
    'GIVEN "%s" THEN WordNet knows it as a verb',
    (word) => {
      expect(isVerb(word)).toBe(true);
    },
  );

  it.each(['population', 'toyota', 'refug', 'committ', 'emperor'])(
    'GIVEN "%s" THEN it is not a verb',
    (word) => {
      expect(isVerb(word)).toBe(false);
    },
  );
});

describe('the derived verb list (src/core/text/wordnet-verbs.ts)', () => {
  it('is what scripts/derive-wordnet-verbs.ts derives from the installed wink-lexicon (re-run it after an upgrade)', async () => {
    const { wordNetVerbs } = await import('../../../scripts/derive-wordnet-verbs.js');
    expect(WORDNET_VERBS).toBe(wordNetVerbs().join(' '));
  });
});
