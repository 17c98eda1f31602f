import { describe, expect, it } from 'vitest';

import { americanSpelling, stem, stemAfresh } from '../../../src/core/text/stem.js';

describe('americanSpelling', () => {
  it('rewrites British -ise/-isation spellings as -ize/-ization', () => {
    expect(americanSpelling('denuclearisation')).toBe('denuclearization');
    expect(americanSpelling('organised')).toBe('organized');
    expect(americanSpelling('modernising')).toBe('modernizing');
  });

  it('leaves words that genuinely end in -ise alone, including ones that end in a genuine word', () => {
    for (const word of [
      'exercise',
      'exercises',
      'promised',
      'surprising',
      'raise',
      'rise',
      'wise',
      'franchise',
      'compromise',
    ]) {
      expect(americanSpelling(word)).toBe(word);
    }
    // "denucle-arise" and "org-anise" end in real -ise words but are British spellings all the same.
    expect(americanSpelling('denuclearise')).toBe('denuclearize');
    expect(americanSpelling('organise')).toBe('organize');
  });

  it('rewrites -yse and a few spellings a suffix rule cannot catch', () => {
    expect(americanSpelling('analysed')).toBe('analyzed');
    expect(americanSpelling('defence')).toBe('defense');
    expect(americanSpelling('labour')).toBe('labor');
    expect(americanSpelling('centres')).toBe('centers');
  });
});

describe('stem', () => {
  it('gives inflections and British spellings of a word the same stem', () => {
    const stems = new Set(
      ['denuclearizing', 'denuclearization', 'denuclearisation', 'denuclearize'].map(stem),
    );
    expect(stems.size).toBe(1);
    expect(stem('companies')).toBe(stem('company'));
    expect(stem('investing')).toBe(stem('investment'));
  });

  it('passes numbers and letter–digit codes through unchanged', () => {
    expect(stem('850000')).toBe('850000');
    expect(stem('1.6')).toBe('1.6');
    expect(stem('f35')).toBe('f35');
  });
});

describe('stemAfresh', () => {
  it('gives what stem gives, first time or again', () => {
    for (const word of ['denuclearisation', 'exercises', 'abducted', 'F-35s', '2019', 'companies']) {
      expect(stemAfresh(word)).toBe(stem(word));
      expect(stem(word)).toBe(stemAfresh(word));
    }
  });
});
