import { describe, expect, it } from 'vitest';

import { extractQuotations } from '../../../src/core/knowledge/extract-quotations.js';
import { splitPassages } from '../../../src/core/knowledge/split-passages.js';

/** Quotations of a small sheet whose opening line names the people the bullets refer to by short names. */
function quotationsOf(...bullets: string[]) {
  const body = [
    'Opening line without a quotation.',
    'PEOPLE: Vice President Michael R. Pence met Foreign Minister Taro Kono and Prime Minister Shinzo Abe.',
    ...bullets,
  ];
  return extractQuotations('doc', splitPassages('doc', body, 1)).map(({ speaker, text, form }) => ({
    speaker,
    text,
    form,
  }));
}

describe('extractQuotations', () => {
  it('reads a whole line "…" – Speaker, with an en dash, a hyphen or an em dash', () => {
    expect(
      quotationsOf(
        '"One." – Vice President Pence',
        '"Two." -Prime Minister Abe',
        '"Three."—Foreign Minister Kono',
      ),
    ).toEqual([
      { speaker: 'Vice President Michael R. Pence', text: 'One.', form: 'whole-line' },
      { speaker: 'Prime Minister Shinzo Abe', text: 'Two.', form: 'whole-line' },
      { speaker: 'Foreign Minister Taro Kono', text: 'Three.', form: 'whole-line' },
    ]);
  });

  it('reads a whole-line quotation whose closing mark is missing, and keeps hyphens inside it', () => {
    expect(quotationsOf('"The Japan-U.S. bond is well-founded. -Prime Minister Abe')).toEqual([
      {
        speaker: 'Prime Minister Shinzo Abe',
        text: 'The Japan-U.S. bond is well-founded.',
        form: 'whole-line',
      },
    ]);
  });

  it('attributes inline words to the subject of the speech verb, not to the nearest name', () => {
    expect(
      quotationsOf(
        'Prime Minister Abe has praised Vice President Pence as a "[true] friend of Japan" at dinner.',
      ),
    ).toEqual([{ speaker: 'Prime Minister Shinzo Abe', text: '[true] friend of Japan', form: 'inline' }]);
  });

  it('recognises speech verbs in many forms', () => {
    const quotations = quotationsOf(
      'Foreign Minister Kono said, "first."',
      'Vice President Pence stated that "second."',
      'Meeting the press, with Prime Minister Abe noting that "third."',
      'Foreign Minister Kono, in Tokyo, declared "fourth."',
    );
    expect(quotations.map((quotation) => [quotation.speaker, quotation.text])).toEqual([
      ['Foreign Minister Taro Kono', 'first.'],
      ['Vice President Michael R. Pence', 'second.'],
      ['Prime Minister Shinzo Abe', 'third.'],
      ['Foreign Minister Taro Kono', 'fourth.'],
    ]);
  });

  it('reads curly quotation marks too', () => {
    expect(quotationsOf('Vice President Pence remarked that “curly words.”')).toEqual([
      { speaker: 'Vice President Michael R. Pence', text: 'curly words.', form: 'inline' },
    ]);
  });

  it('does not treat quoted names, terms or titles as quotations', () => {
    expect(
      quotationsOf(
        'Japan welcomed the new era of "Reiwa,"which means "beautiful harmony."',
        'Prime Minister Abe launched a program called "Free and Open Indo-Pacific."',
        'Vice President Pence visited the "Yokota" base.',
      ),
    ).toEqual([]);
  });

  it('needs a person before the speech verb in the same sentence', () => {
    expect(
      quotationsOf('Prime Minister Abe arrived. Officials said "nothing."', 'It was said that "nobody."'),
    ).toEqual([]);
  });

  it('does not reach for a speech verb far from the quotation', () => {
    expect(
      quotationsOf(
        'Vice President Pence said that the two countries would, over the coming years and in many different fields of work, pursue "shared goals."',
      ),
    ).toEqual([]);
  });

  it('keeps the speaker as written when the document has no fuller name', () => {
    expect(quotationsOf('Ambassador Hagerty said "hello."')).toEqual([
      { speaker: 'Ambassador Hagerty', text: 'hello.', form: 'inline' },
    ]);
  });

  it('points each quotation at its passage and section, with an id stable for the same words', () => {
    const passages = splitPassages('doc', ['Opening.', 'TALKS: Prime Minister Shinzo Abe said "yes."'], 1);
    const [quotation] = extractQuotations('doc', passages);
    expect(quotation).toMatchObject({ passageId: passages[1]?.id, documentId: 'doc', section: 'TALKS' });
    const again = extractQuotations(
      'doc',
      splitPassages('doc', ['Other opening.', '', 'TALKS: Prime Minister Shinzo Abe said "yes."'], 5),
    );
    expect(again[0]?.id).toBe(quotation?.id);
    expect(quotation?.id).toMatch(/^doc#quote-[0-9a-f]{12}$/);
  });
});
