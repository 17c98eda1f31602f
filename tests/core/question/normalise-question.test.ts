import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import type { AliasTable } from '../../../src/core/question/alias-table.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';
import { normaliseQuestion } from '../../../src/core/question/normalise-question.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

const ALIAS_DIR = fileURLToPath(new URL('../../../knowledge/aliases/', import.meta.url));
const ID = '123456789012345678';

let aliases: AliasTable;
beforeAll(async () => {
  aliases = await loadAliases(ALIAS_DIR);
});

describe('normaliseQuestion', () => {
  it.each([
    `<#${ID}> what does Reiwa mean?`,
    `<@&${ID}> what does Reiwa mean?`,
    `<@!${ID}> what does Reiwa mean?`,
  ])('GIVEN "%s" THEN the mention is gone from both forms', (raw) => {
    const question = normaliseQuestion(raw, { aliases });
    expect(question.display).toBe('what does Reiwa mean?');
    expect(question.search).toBe('what does Reiwa mean?');
  });

  it('GIVEN any markup THEN no mention syntax survives in the display text, so echoing it is safe', () => {
    const raw = `<@${ID}> <@&${ID}> <#${ID}> <@123> @everyone @here <:sakura:${ID}> ||what|| is **OPIC**? https://x.co`;
    const { display } = normaliseQuestion(raw, { aliases });
    expect(display).toBe('what is OPIC?');
    expect(display).not.toMatch(/<[@#:/]|@everyone|@here|https?:/);
  });

  it('GIVEN "F‑35" with a non-breaking hyphen (U+2011) THEN both forms read "F-35", tokenised like F-35', () => {
    const question = normaliseQuestion('How many F\u201135 jets has Japan bought?', { aliases });
    expect(question.display).toBe('How many F-35 jets has Japan bought?');
    expect(tokenize(question.search)).toEqual(tokenize('How many F-35 jets has Japan bought?'));
  });

  it('GIVEN "F-35s" THEN the search text tokenises to the code f35', () => {
    const { search } = normaliseQuestion("yo what's the deal with the F-35s", { aliases });
    expect(tokenize(search)).toContain('f35');
  });

  it('GIVEN "Shinzō" THEN the display keeps the macron and the search folds it', () => {
    const question = normaliseQuestion('What did Shinz\u014D Abe say?', { aliases });
    expect(question.display).toBe('What did Shinz\u014D Abe say?');
    expect(question.search).toBe('What did Shinzo Abe say?');
  });

  it('keeps Japanese kana whole in both forms', () => {
    const question = normaliseQuestion('\u4EE4\u548C\u3063\u3066\u306A\u306B\uFF1F\u304C', { aliases });
    expect(question.display).toBe('\u4EE4\u548C\u3063\u3066\u306A\u306B?\u304C');
    expect(question.search).toBe(question.display);
  });

  it.each([
    ['Do Japanese companies support 850k jobs?', 'Do Japanese companies support 850,000 jobs?'],
    ['Do Japanese companies support 850K jobs?', 'Do Japanese companies support 850,000 jobs?'],
    ['850 thousand jobs?', '850,000 jobs?'],
    ['eight hundred fifty thousand jobs?', '850,000 jobs?'],
    ['Was it $1.6bn?', 'Was it $1.6 billion?'],
    ['Was it $1,600,000,000?', 'Was it $1.6 billion?'],
    ['Was it 1.6B?', 'Was it 1.6 billion?'],
    ['4k jobs?', '4,000 jobs?'],
    ['four thousand jobs?', '4,000 jobs?'],
    ['Have they met thirty times?', 'Have they met 30 times?'],
    ['Were there 4 rounds?', 'Were there four rounds?'],
    ['FDI over $424bn?', 'FDI over $424 billion?'],
  ])('GIVEN "%s" THEN it searches the sheets\' numbers: "%s"', (raw, search) => {
    expect(normaliseQuestion(raw, { aliases }).search).toBe(search);
  });

  it('keeps the numbers as typed in the display text', () => {
    expect(normaliseQuestion('Do Japanese firms support 850k jobs?', { aliases }).display).toBe(
      'Do Japanese firms support 850k jobs?',
    );
  });

  it('keeps years and model codes intact', () => {
    const raw = 'In 2017 did F-35 and B-1 jets fly?';
    expect(normaliseQuestion(raw, { aliases }).search).toBe(raw);
  });

  it("GIVEN aliases THEN the search text uses the sheets' terms and says which it replaced", () => {
    const question = normaliseQuestion('What did the **DPRK** do, and how did the US and the PM respond?', {
      aliases,
    });
    expect(question.display).toBe('What did the DPRK do, and how did the US and the PM respond?');
    expect(question.search).toBe(
      'What did the North Korea do, and how did the United States and the Prime Minister respond?',
    );
    expect(question.aliases.map((use) => `${use.original}→${use.term}`)).toEqual([
      'DPRK→North Korea',
      'US→United States',
      'PM→Prime Minister',
    ]);
  });

  it('without aliases, only markup, Unicode and numbers change', () => {
    expect(normaliseQuestion('What did the DPRK do with 4k\u00A0jobs?').search).toBe(
      'What did the DPRK do with 4,000 jobs?',
    );
  });

  it('collapses whitespace and never throws on empty input', () => {
    expect(normaliseQuestion('  what\n\n does \t Reiwa   mean ')).toEqual({
      display: 'what does Reiwa mean',
      search: 'what does Reiwa mean',
      aliases: [],
    });
    expect(normaliseQuestion('')).toEqual({ display: '', search: '', aliases: [] });
    expect(normaliseQuestion(`<@${ID}>`)).toEqual({ display: '', search: '', aliases: [] });
  });
});
