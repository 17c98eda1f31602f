import { describe, expect, it } from 'vitest';

import { decodeUtf8, firstInvalidUtf8Offset } from '../../../src/core/knowledge/decode-utf8.js';
import { KnowledgeError } from '../../../src/core/knowledge/knowledge-error.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeUtf8', () => {
  it('decodes UTF-8, dropping a leading byte order mark', () => {
    expect(decodeUtf8('f.md', new TextEncoder().encode('\uFEFF“Abe…” – 絆'))).toBe('“Abe…” – 絆');
  });

  it('refuses other encodings, naming the file and the line of the first bad byte', () => {
    const text = new TextEncoder().encode('line one\nline two\nCaf');
    expect(() => decodeUtf8('f.md', bytes(...text, 0xe9, 0x0a))).toThrowError(/^f\.md:3: not valid UTF-8/);
    let thrown: unknown;
    try {
      decodeUtf8('f.md', bytes(...text, 0xe9));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KnowledgeError);
    expect(thrown).toMatchObject({ code: 'KNOWLEDGE_INVALID', file: 'f.md', line: 3 });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts well-formed text of every sequence length', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('a é – 絆 😀'))).toBeUndefined();
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x80], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds %s', (_name, values, offset) => {
    expect(firstInvalidUtf8Offset(bytes(...values))).toBe(offset);
  });
});
