import { describe, expect, it } from 'vitest';

import { findQuotedSpans, parseWholeLineQuotation } from '../../../src/core/knowledge/quoted-spans.js';

describe('findQuotedSpans', () => {
  it('pairs straight quotation marks in order, keeping the words verbatim', () => {
    const line = 'the era of "Reiwa,"which means "beautiful harmony."';
    expect(findQuotedSpans(line).map((span) => span.text)).toEqual(['Reiwa,', 'beautiful harmony.']);
  });

  it('pairs curly quotation marks and reports where each span is', () => {
    const line = 'He said “a [bracketed] word” today.';
    const [span] = findQuotedSpans(line);
    expect(span?.text).toBe('a [bracketed] word');
    expect(line.slice(span?.start, span?.end)).toBe('“a [bracketed] word”');
  });

  it('runs an unclosed quotation to the end of the line', () => {
    expect(findQuotedSpans('She said "never closed  ').map((span) => span.text)).toEqual(['never closed']);
  });
});

describe('parseWholeLineQuotation', () => {
  it('splits a quotation from its dash attribution', () => {
    expect(parseWholeLineQuotation('"We cherish it." – President Donald J. Trump')).toEqual({
      text: 'We cherish it.',
      attribution: 'President Donald J. Trump',
    });
  });

  it('reads an unclosed quotation attributed with a bare hyphen, leaving hyphens inside the words alone', () => {
    expect(parseWholeLineQuotation('"The Japan-U.S. tie is well-known. -President Donald J. Trump')).toEqual({
      text: 'The Japan-U.S. tie is well-known.',
      attribution: 'President Donald J. Trump',
    });
  });

  it('is not fooled by sentences that merely start with a quotation', () => {
    expect(
      parseWholeLineQuotation('"Reiwa" - the name of the new era - means beautiful harmony.'),
    ).toBeUndefined();
    expect(parseWholeLineQuotation('A line with no quotation – President Trump')).toBeUndefined();
    expect(parseWholeLineQuotation('"A quotation with no attribution."')).toBeUndefined();
  });
});
