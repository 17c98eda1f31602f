import { describe, expect, it } from 'vitest';

import { ELLIPSIS, fitText, splitText } from '../../../src/discord/presentation/fit-text.js';

describe('fitText', () => {
  it('returns text that fits unchanged', () => {
    expect(fitText('Short enough.', 100)).toBe('Short enough.');
  });

  it('cuts at the last sentence end that keeps at least half the budget, and marks the cut', () => {
    const text = 'The alliance is strong. Trade is growing fast. Security cooperation deepens every year.';
    const fitted = fitText(text, 60);
    expect(fitted.length).toBeLessThanOrEqual(60);
    expect(fitted).toBe(`The alliance is strong. Trade is growing fast.${ELLIPSIS}`);
  });

  it('falls back to a word boundary when no sentence end is close enough', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const fitted = fitText(text, 20);
    expect(fitted.length).toBeLessThanOrEqual(20);
    expect(fitted.endsWith(ELLIPSIS)).toBe(true);
    expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(
      fitted
        .slice(0, -1)
        .split(' ')
        .every((word) => text.split(' ').includes(word)),
    ).toBe(true);
  });

  it('cuts text without spaces (Japanese) hard, never splitting a surrogate pair', () => {
    const japanese = '日米同盟は'.repeat(50);
    expect(fitText(japanese, 30)).toHaveLength(30);
    const emoji = '😀'.repeat(20);
    const fitted = fitText(emoji, 10);
    expect(fitted.length).toBeLessThanOrEqual(10);
    expect(fitted.slice(0, -1)).toMatch(/^(😀)+$/u);
  });

  it('cuts Japanese text after a full-width full stop', () => {
    const text = '日米同盟は強固です。貿易は拡大しています。安全保障協力も深まっています。';
    const fitted = fitText(text, 25);
    expect(fitted).toBe(`日米同盟は強固です。貿易は拡大しています。${ELLIPSIS}`);
  });
});

describe('splitText', () => {
  it('keeps every word, in order, in pieces within the limit', () => {
    const sentences = Array.from(
      { length: 80 },
      (_, index) => `Sentence number ${index} talks about the alliance.`,
    );
    const text = sentences.join(' ');
    const pieces = splitText(text, 300);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(300);
    expect(pieces.join(' ')).toBe(text);
    for (const piece of pieces) expect(piece.endsWith('.')).toBe(true);
  });

  it('prefers paragraph breaks', () => {
    const text = `${'a '.repeat(60).trim()}\n\n${'b '.repeat(60).trim()}`;
    expect(splitText(text, 150)).toEqual(['a '.repeat(60).trim(), 'b '.repeat(60).trim()]);
  });

  it('returns a single piece for short text', () => {
    expect(splitText('Hello.', 10)).toEqual(['Hello.']);
  });
});
