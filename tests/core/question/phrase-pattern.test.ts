import { describe, expect, it } from 'vitest';
import { PhrasePattern } from '../../../src/core/question/phrase-pattern.js';

/** The one big pattern the matcher stands in for: its matches are the specification. */
function oneBigPattern(phrases: readonly string[], flags: string, joined = false): RegExp {
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      joined ? escape(phrase).replace(/[ -]+/g, '[\\s-]+') : escape(phrase).replace(/ +/g, '\\s+'),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

const found = (pattern: PhrasePattern, text: string): [number, string][] =>
  [...pattern.matches(text)].map((match) => [match.index, match.text]);

describe('PhrasePattern', () => {
  const phrases = [
    'the States',
    'States',
    'Republic of Korea',
    "Democratic People's Republic of Korea",
    'U.N.',
    'PM',
  ];

  it('finds whole words only, longest first where two start at one place', () => {
    const pattern = new PhrasePattern(phrases, true);
    expect(
      found(pattern, "the DEMOCRATIC people's Republic  of Korea and the states, not statesman"),
    ).toEqual([
      [4, "DEMOCRATIC people's Republic  of Korea"],
      [47, 'the states'],
    ]);
  });

  it('matches case as written when asked to', () => {
    const pattern = new PhrasePattern(['PM', 'US'], false);
    expect(found(pattern, 'the PM met us in the US')).toEqual([
      [4, 'PM'],
      [21, 'US'],
    ]);
  });

  it('lets a hyphen and spaces stand for each other when joined', () => {
    const pattern = new PhrasePattern(['shout-out', 'gender equality'], true, true);
    expect(found(pattern, 'a shout out for gender-equality')).toEqual([
      [2, 'shout out'],
      [16, 'gender-equality'],
    ]);
  });

  it('tries phrases that start with neither letter nor digit everywhere', () => {
    const pattern = new PhrasePattern(['#45', 'POTUS'], true);
    expect(found(pattern, 'potus aka #45')).toEqual([
      [0, 'potus'],
      [10, '#45'],
    ]);
  });

  it('gives exactly the matches of one alternation of all the phrases, on any text', () => {
    const many = [
      ...phrases,
      'North Korea',
      'Korea',
      'korean peninsula',
      'U.S.',
      'US',
      'the U.S. government',
      'Abe',
    ];
    const words = [
      'the',
      'north',
      'Korea',
      'korean',
      'Peninsula',
      'U.S.',
      'us',
      'US',
      'government',
      'ABE',
      'abes',
      'PM',
      'states',
      'u.n.',
      'of',
      'republic',
      '-',
      ',',
      'Ⅻ',
      'ſtates',
    ];
    let seed = 20190525;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const caseInsensitive of [true, false]) {
      for (const joined of [false, true]) {
        const pattern = new PhrasePattern(many, caseInsensitive, joined);
        const reference = oneBigPattern(many, caseInsensitive ? 'giu' : 'gu', joined);
        for (let trial = 0; trial < 300; trial++) {
          const text = Array.from({ length: 1 + (next() % 12) }, () => words[next() % words.length]).join(
            next() % 3 === 0 ? '  ' : ' ',
          );
          expect(found(pattern, text), text).toEqual(
            [...text.matchAll(reference)].map((match) => [match.index, match[0]]),
          );
        }
      }
    }
  });

  it('finds nothing when it has no phrases', () => {
    expect(found(new PhrasePattern([], true), 'anything at all')).toEqual([]);
  });
});
