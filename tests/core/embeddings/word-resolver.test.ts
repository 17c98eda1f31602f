import { describe, expect, it } from 'vitest';

import { WordResolver } from '../../../src/core/embeddings/word-resolver.js';
import { defaultWordVectorTable } from '../../../src/core/embeddings/word-vector-table.js';
import { stem } from '../../../src/core/text/stem.js';

const table = defaultWordVectorTable();
const resolver = new WordResolver(table);

function resolvedWord(token: string, allowCorrection = true): string | undefined {
  const match = resolver.resolve(token, allowCorrection);
  return match === undefined ? undefined : table.wordAt(match.row);
}

describe('WordResolver', () => {
  it('finds a table word as typed', () => {
    expect(resolver.resolve('alliance', true)).toEqual({ row: table.rowOf('alliance'), kind: 'exact' });
  });

  it('finds the American spelling of a British word the table lacks', () => {
    expect(table.has('denuclearisation')).toBe(false);
    expect(resolver.resolve('denuclearisation', false)).toEqual({
      row: table.rowOf('denuclearization'),
      kind: 'spelling',
    });
  });

  it('borrows the vector of a table word with the same stem for an inflection the table lacks', () => {
    const inflected = 'denuclearizing';
    expect(table.has(inflected)).toBe(false);
    const match = resolver.resolve(inflected, false);
    expect(match?.kind).toBe('stem');
    expect(table.wordAt(match?.row ?? 0)).toMatch(/^denuclear/);
  });

  it('reads a word one typo away from a table word as that word, when allowed', () => {
    expect(resolvedWord('toyata')).toBe('toyota');
    expect(resolvedWord('campain')).toBe('campaign');
    expect(resolver.resolve('toyata', true)?.kind).toBe('correction');
  });

  it('does not correct when not allowed, nor short words that are likely acronyms', () => {
    expect(resolver.resolve('toyata', false)).toBeUndefined();
    expect(resolver.resolve('nexi', true)).toBeUndefined();
  });

  it('prefers the most frequent of several one-edit candidates', () => {
    const match = resolver.resolve('hause', true);
    expect(match?.kind).toBe('correction');
    const candidates = ['house', 'cause', 'pause', 'haute'].filter((word) => table.has(word));
    const mostFrequent = Math.min(...candidates.map((word) => table.rowOf(word)));
    expect(match?.row).toBe(mostFrequent);
  });

  it('gives up on a word with no near table word', () => {
    expect(resolver.resolve('xqzkvwjp', true)).toBeUndefined();
  });

  it('GIVEN any table word THEN its stem keeps its first letter, so a stem is looked up among the words sharing it', () => {
    const changed: string[] = [];
    for (let row = 0; row < table.size; row += 1) {
      const word = table.wordAt(row);
      const key = stem(word);
      if (key.charAt(0) !== word.charAt(0)) changed.push(`${word} → ${key}`);
    }
    expect(changed).toEqual([]);
  });

  it('GIVEN a token whose stem several table words share THEN it borrows the most frequent of them (the lowest row)', () => {
    for (const token of ['denuclearizings', 'cooperatively', 'investings', 'harmonies', 'ies', 'eyed']) {
      const key = stem(token);
      let lowest = -1;
      for (let row = 0; row < table.size && lowest < 0; row += 1)
        if (stem(table.wordAt(row)) === key) lowest = row;
      const match = new WordResolver(table).resolve(token, false);
      expect(match?.row ?? -1).toBe(table.has(token) ? table.rowOf(token) : lowest);
    }
  });
});
