import { describe, expect, it } from 'vitest';
import { restoreDroppedG } from '../../../src/core/text/dropped-g.js';

describe('restoreDroppedG', () => {
  it.each([
    ["kim's goons kidnappin folks", "kim's goons kidnapping folks"],
    ['japan buyin the f 35', 'japan buying the f 35'],
    ["what's he pushin' for", "what's he pushing for"],
    ['shootin down rockets', 'shooting down rockets'],
  ])('GIVEN "%s" THEN the verb gets its "g" back', (text, expected) => {
    expect(restoreDroppedG(text)).toBe(expected);
  });

  it.each(['my cousin is within the margin', 'they begin again', 'what did Putin say', 'the main domain'])(
    'GIVEN "%s" THEN words that end in "in" stay as they are',
    (text) => {
      expect(restoreDroppedG(text)).toBe(text);
    },
  );
});
