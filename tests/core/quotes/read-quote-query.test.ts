import { beforeAll, describe, expect, it } from 'vitest';

import type { Glossary } from '../../../src/core/language/glossary.js';
import { loadGlossary } from '../../../src/core/language/load-glossary.js';
import { createQuotationCatalogue } from '../../../src/core/quotes/find-quotation.js';
import { readQuoteQuery } from '../../../src/core/quotes/read-quote-query.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';
import type { AliasTable } from '../../../src/core/question/alias-table.js';
import { makePassage, makeQuotation } from '../../support/passages.js';

let glossary: Glossary;
let aliases: AliasTable;
beforeAll(async () => {
  glossary = await loadGlossary('knowledge');
  aliases = await loadAliases('knowledge/aliases');
});

const abe = makePassage('Prime Minister Abe has remarked that, "we have never seen two leaders so close."');
const abducted = makePassage(
  'The President met families of Japanese nationals abducted, vowing to "bring them back to Japan."',
);
const catalogue = createQuotationCatalogue(
  [
    makeQuotation(abe, 'Prime Minister Shinzo Abe', 'we have never seen two leaders so close.'),
    makeQuotation(abducted, 'President Donald J. Trump', 'bring them back to Japan.'),
  ],
  new Map([abe, abducted].map((passage) => [passage.id, passage])),
);

describe('readQuoteQuery: a Japanese speaker or topic is searched as the sheets’ English', () => {
  it.each(['安倍', '安倍首相', 'アベ', '晋三', '首相'])(
    'speaker "%s" finds Prime Minister Shinzo Abe',
    (speaker) => {
      expect(catalogue.find(readQuoteQuery({ speaker }, glossary))?.speaker).toBe(
        'Prime Minister Shinzo Abe',
      );
    },
  );

  it.each(['トランプ', 'トランプ大統領', '大統領'])(
    'speaker "%s" finds President Donald J. Trump',
    (speaker) => {
      expect(catalogue.find(readQuoteQuery({ speaker }, glossary))?.speaker).toBe(
        'President Donald J. Trump',
      );
    },
  );

  it.each(['拉致', '拉致問題', '拉致被害者'])(
    'topic "%s" finds the quotation about the abducted',
    (topic) => {
      expect(catalogue.find(readQuoteQuery({ topic }, glossary))?.text).toBe('bring them back to Japan.');
    },
  );

  it('leaves English as typed, and keeps a Japanese word the glossary does not know so it matches no one', () => {
    expect(readQuoteQuery({ speaker: 'abe', topic: 'trade' }, glossary)).toEqual({
      speaker: 'abe',
      topic: 'trade',
    });
    const unknown = readQuoteQuery({ speaker: '毛沢東' }, glossary);
    expect(unknown.speaker).toBe('毛沢東');
    expect(catalogue.find(unknown)).toBeUndefined();
  });

  it('keeps Latin words typed beside Japanese ones', () => {
    expect(readQuoteQuery({ speaker: 'Shinzo 安倍' }, glossary).speaker).toBe('Shinzo Abe');
  });
});

describe('readQuoteQuery: an English shorthand names the speaker as the sheets do', () => {
  it.each([
    ['potus', 'Donald J. Trump'],
    ['PM', 'Shinzo Abe'],
  ])('GIVEN the speaker %j THEN that speaker’s quotation is found', (speaker, name) => {
    const found = catalogue.find(readQuoteQuery({ speaker }, glossary, aliases));
    expect(found?.speaker).toContain(name);
  });
});
