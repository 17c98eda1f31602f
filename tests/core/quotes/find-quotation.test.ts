import { describe, expect, it } from 'vitest';
import { createQuotationCatalogue, suggestSpeakers } from '../../../src/core/quotes/find-quotation.js';
import { contentTerms } from '../../../src/core/text/content-terms.js';
import { makePassage, makeQuotation } from '../../support/passages.js';

const friendship = makePassage(
  '"We cherish the friendship between the United States and Japan." – President Donald J. Trump',
);
const alliance = makePassage(
  'Abe has remarked that, "we have never seen two leaders forging as close a relationship as ours."',
);
const abducted = makePassage(
  'With President Trump vowing to "bring them back to Japan, where they want to be."',
);
const quotations = [
  makeQuotation(
    friendship,
    'President Donald J. Trump',
    'We cherish the friendship between the United States and Japan.',
  ),
  makeQuotation(
    alliance,
    'Prime Minister Shinzo Abe',
    'we have never seen two leaders forging as close a relationship as ours.',
  ),
  makeQuotation(abducted, 'President Donald J. Trump', 'bring them back to Japan, where they want to be.'),
];
const catalogue = createQuotationCatalogue(
  quotations,
  new Map([friendship, alliance, abducted].map((passage) => [passage.id, passage])),
);

describe('quotation catalogue', () => {
  it('lists each speaker once, sorted', () => {
    expect(catalogue.speakers).toEqual(['President Donald J. Trump', 'Prime Minister Shinzo Abe']);
  });

  it.each([
    'abe',
    'Abe',
    'Shinzo Abe',
    'prime minister',
    'Prime Minister Abe',
    'Shinz\u014D',
    'SHINZ\u014C Abe',
    'Shinzo\u0304',
  ])('finds Abe by "%s"', (speaker) => {
    expect(catalogue.find({ speaker })?.speaker).toBe('Prime Minister Shinzo Abe');
  });

  it('finds by topic, preferring words in the quotation itself', () => {
    expect(catalogue.find({ topic: 'friendship' })?.text).toContain('cherish the friendship');
    expect(catalogue.find({ speaker: 'trump', topic: 'bring back' })?.text).toContain('bring them back');
  });

  it.each(['abductees', 'abductee', 'abducted', 'abduction', 'abducting'])(
    'finds a topic by any form of its word: "%s" finds the quotation about the abducted',
    (topic) => {
      const passage = makePassage(
        'The President has met families of Japanese nationals abducted, vowing to "bring them home."',
      );
      const found = createQuotationCatalogue(
        [makeQuotation(passage, 'President Donald J. Trump', 'bring them home.'), ...quotations],
        new Map([passage, friendship, alliance, abducted].map((item) => [item.id, item])),
      ).find({ topic });
      expect(found?.text).toBe('bring them home.');
    },
  );

  it('counts a typed word once, however many of its forms match', () => {
    // "meeting" and "met" are one word: it must not outweigh "friendship" found in the quotation itself.
    expect(catalogue.find({ topic: 'friendship meetings' })?.text).toContain('cherish the friendship');
  });

  it('returns nothing for an unknown speaker or a topic no quotation touches', () => {
    expect(catalogue.find({ speaker: 'Biden' })).toBeUndefined();
    expect(catalogue.find({ topic: 'baseball' })).toBeUndefined();
  });

  it('with no options picks at random among all, using the injected random source', () => {
    expect(catalogue.find({ random: () => 0 })).toBe(quotations[0]);
    expect(catalogue.find({ random: () => 0.99 })).toBe(quotations[2]);
  });
});

describe('quotation catalogue entries (the words each quotation is searched by)', () => {
  const [first, , third] = catalogue.entries;

  it('hold exactly the distinct content terms of the quotation and of its passage', () => {
    for (const [entry, quotation, passage] of [
      [first!, quotations[0]!, friendship],
      [third!, quotations[2]!, abducted],
    ] as const) {
      const quoteTerms = new Set(contentTerms(quotation.text));
      const passageTerms = new Set(contentTerms(passage.text));
      expect(new Set(entry.quoteTerms)).toEqual(quoteTerms);
      expect(entry.quoteTerms.size).toBe(quoteTerms.size);
      expect(new Set(entry.passageTerms)).toEqual(passageTerms);
      for (const term of passageTerms) expect(entry.passageTerms.has(term)).toBe(true);
    }
  });

  it('answer has() false for terms of other quotations and for terms nobody has', () => {
    expect(first!.quoteTerms.has(contentTerms('abducted')[0]!)).toBe(false);
    expect(first!.quoteTerms.has('zzz-nowhere')).toBe(false);
    expect(first!.passageForms.has('')).toBe(false);
  });

  it('iterate like sets: keys, values, entries and forEach agree', () => {
    const values = [...first!.quoteForms];
    expect(new Set(values).size).toBe(values.length);
    expect([...first!.quoteForms.keys()]).toEqual(values);
    expect([...first!.quoteForms.entries()]).toEqual(values.map((value) => [value, value]));
    const seen: string[] = [];
    first!.quoteForms.forEach((value) => seen.push(value));
    expect(seen).toEqual(values);
  });

  it("keep a speaker's name words in the name's order, one set per speaker", () => {
    expect([...first!.speakerWords]).toEqual(['president', 'donald', 'j', 'trump']);
    expect(third!.speakerWords).toBe(first!.speakerWords);
  });

  it("share one passage's sets between the quotations that stand in it", () => {
    const passage = makePassage('"We will win." – President A. "We will not lose." – Prime Minister B');
    const shared = createQuotationCatalogue(
      [
        makeQuotation(passage, 'President A', 'We will win.'),
        makeQuotation(passage, 'Prime Minister B', 'We will not lose.'),
      ],
      new Map([[passage.id, passage]]),
    );
    const [a, b] = shared.entries;
    expect(a!.passageTerms).toBe(b!.passageTerms);
    expect(a!.passageForms).toBe(b!.passageForms);
    expect(a!.quoteTerms.has(contentTerms('win')[0]!)).toBe(true);
    expect(b!.quoteTerms.has(contentTerms('win')[0]!)).toBe(false);
  });

  it('stay correct past the first block of term numbers (the shared array grows)', () => {
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}x`);
    const passage = makePassage(words.join(' '));
    const big = createQuotationCatalogue(
      [makeQuotation(passage, 'President A', 'alpha beta'), makeQuotation(passage, 'President A', 'gamma')],
      new Map([[passage.id, passage]]),
    );
    const [entry, last] = big.entries;
    expect(entry!.passageTerms.size).toBe(new Set(contentTerms(passage.text)).size);
    expect(entry!.passageTerms.has(contentTerms(words[69_999]!)[0]!)).toBe(true);
    expect(last!.quoteTerms.has(contentTerms('gamma')[0]!)).toBe(true);
    expect(last!.quoteTerms.has(contentTerms('alpha')[0]!)).toBe(false);
  });
});

describe('suggestSpeakers (autocomplete)', () => {
  it('GIVEN every word of a name in another order THEN that speaker ("Prime Minister Abe" as 安倍首相 reads)', () => {
    const speakers = ['President Donald J. Trump', 'Prime Minister Shinzo Abe'];
    expect(suggestSpeakers(speakers, 'Prime Minister Abe')).toEqual(['Prime Minister Shinzo Abe']);
    expect(suggestSpeakers(speakers, 'President Trump')).toEqual(['President Donald J. Trump']);
    expect(suggestSpeakers(speakers, 'President Abe')).toEqual([]);
  });

  const speakers = ['President Donald J. Trump', 'Prime Minister Shinzo Abe'];

  it('GIVEN "Shinzō" THEN it suggests Shinzo Abe, ignoring diacritics and case', () => {
    expect(suggestSpeakers(speakers, 'Shinz\u014D')).toEqual(['Prime Minister Shinzo Abe']);
    expect(suggestSpeakers(speakers, ' shinzo ')).toEqual(['Prime Minister Shinzo Abe']);
  });

  it('GIVEN a speaker written with diacritics THEN typing without them finds it', () => {
    expect(suggestSpeakers(['Prime Minister Shinz\u014D Abe'], 'shinzo')).toEqual([
      'Prime Minister Shinz\u014D Abe',
    ]);
  });

  it('suggests every speaker for empty input and none for a name nobody has', () => {
    expect(suggestSpeakers(speakers, '')).toEqual(speakers);
    expect(suggestSpeakers(speakers, 'Biden')).toEqual([]);
  });
});
