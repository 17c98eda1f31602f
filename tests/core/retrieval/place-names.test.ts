import { describe, expect, it } from 'vitest';

import { isPlaceName, multiWordPlaceNames } from '../../../src/core/retrieval/place-names.js';

describe('isPlaceName', () => {
  it.each(['france', 'china', 'texas', 'alabama'])('GIVEN "%s" THEN it is a place', (token) => {
    expect(isPlaceName(token)).toBe(true);
  });

  it.each(['trade', 'south', 'washington'])('GIVEN "%s" THEN it is not a one-word place', (token) => {
    expect(isPlaceName(token)).toBe(false);
  });
});

describe('multiWordPlaceNames', () => {
  it('GIVEN CLDR THEN countries and regions of several words are listed, lower case', () => {
    const names = multiWordPlaceNames();
    for (const name of ['latin america', 'new zealand', 'southeast asia', 'sub-saharan africa', 'north korea'])
      expect(names).toContain(name);
  });

  it('GIVEN names with a qualifier THEN they are left out', () => {
    expect(multiWordPlaceNames().some((name) => /sar|unknown|outlying/.test(name))).toBe(false);
  });
});
