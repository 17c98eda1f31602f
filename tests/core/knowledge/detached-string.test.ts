import { describe, expect, it } from 'vitest';

import { detachedString } from '../../../src/core/knowledge/detached-string.js';

describe('detachedString', () => {
  it.each([
    ['', 'empty'],
    ['The United States and Japan', 'ASCII'],
    ['Café crème, naïve', 'Latin-1'],
    ['Japan’s “Free and Open Indo-Pacific” – 日米同盟', 'beyond Latin-1'],
    ['a 🇺🇸 and 🇯🇵 flag', 'astral characters'],
  ])('returns the same text (%s: %s)', (text) => {
    expect(detachedString(text)).toBe(text);
  });

  it('returns the same text for a slice of a longer two-byte string (what a parsed sheet hands it)', () => {
    const sheet = `${'x'.repeat(1000)}\nJapan’s investment in the United States totals $1 trillion.\n`;
    const line = sheet.split('\n')[1]!.trim();
    expect(detachedString(line)).toBe('Japan’s investment in the United States totals $1 trillion.');
  });

  it('leaves a string with a lone surrogate unchanged rather than replacing it', () => {
    const text = `broken \uD800 pair`;
    expect(detachedString(text)).toBe(text);
  });
});
