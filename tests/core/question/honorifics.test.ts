import { describe, expect, it } from 'vitest';

import { dropHonorifics } from '../../../src/core/question/honorifics.js';

describe('dropHonorifics', () => {
  it.each([
    ['What were the exact words Mr. Trump used to praise Mr. Abe?', 'What were the exact words Trump used to praise Abe?'],
    ['did mr abe meet mister trump first?', 'did abe meet trump first?'],
  ])('GIVEN "%s" THEN the titles go', (text, expected) => {
    expect(dropHonorifics(text)).toBe(expected);
  });

  it.each(['what did Mrs. Trump do?', 'the MRSA outbreak', 'Mr.'])('GIVEN "%s" THEN nothing changes', (text) => {
    expect(dropHonorifics(text)).toBe(text);
  });
});
