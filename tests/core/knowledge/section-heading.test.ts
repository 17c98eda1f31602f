import { describe, expect, it } from 'vitest';

import { parseSectionHeadingLine } from '../../../src/core/knowledge/section-heading.js';

describe('parseSectionHeadingLine', () => {
  it('reads "HEADING IN CAPITALS: sentence"', () => {
    expect(
      parseSectionHeadingLine('DENUCLEARIZING THE KOREAN PENINSULA: President Trump has worked with Japan.'),
    ).toEqual({
      heading: 'DENUCLEARIZING THE KOREAN PENINSULA',
      summary: 'President Trump has worked with Japan.',
    });
  });

  it('reads a heading alone on its line, with an empty summary', () => {
    expect(parseSectionHeadingLine('SECURITY:')).toEqual({ heading: 'SECURITY', summary: '' });
  });

  it.each([
    'President Trump said: hello.',
    'Note: the heading must be in capitals.',
    'US: two capitals are an acronym, not a heading.',
    'TIME:10 without a space is not a heading either.',
    'A bullet that mentions THE ALLIANCE: in passing.',
  ])('does not read %j as a heading', (line) => {
    expect(parseSectionHeadingLine(line)).toBeUndefined();
  });
});
