import { describe, expect, it } from 'vitest';

import { decodePassages, encodePassages } from '../../../src/core/vector-index/saved-index.js';
import { samplePassages } from './index-test-support.js';

describe('passages file', () => {
  it('round-trips passages exactly, in order', () => {
    const passages = samplePassages().map((passage, i) =>
      i === 0 ? { ...passage, kind: 'opening-quote' as const, section: '' } : passage,
    );
    expect(decodePassages(encodePassages(passages))).toEqual(passages);
  });

  it.each([
    ['not an object', '[1, 2]', /expected \{ fields, rows \}/],
    ['other fields', '{"fields": ["id"], "rows": []}', /expected fields/],
    [
      'a short row',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a']],
      }),
      /row 0/,
    ],
    [
      'an unknown kind',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a', 'd', 's', 'poem', 0, 1, 't']],
      }),
      /row 0 has a field of the wrong type/,
    ],
    [
      'a negative line',
      JSON.stringify({
        fields: ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'],
        rows: [['a', 'd', 's', 'bullet', 0, -1, 't']],
      }),
      /row 0/,
    ],
  ])('refuses %s, saying what is wrong', (_name, text, problem) => {
    expect(() => decodePassages(text)).toThrowError(problem);
  });
});
