import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import type { AliasTable } from '../../../src/core/question/alias-table.js';
import { applyAliases, findAliases } from '../../../src/core/question/apply-aliases.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';

const ALIAS_DIR = fileURLToPath(new URL('../../../knowledge/aliases/', import.meta.url));

let aliases: AliasTable;
beforeAll(async () => {
  aliases = await loadAliases(ALIAS_DIR);
});

describe('applyAliases with the shipped aliases', () => {
  it.each([
    ['What did the DPRK launch over Japan?', 'What did the North Korea launch over Japan?'],
    ['Is the D.P.R.K. still testing?', 'Is the North Korea still testing?'],
    ["What about the Democratic People's Republic of Korea?", 'What about the North Korea?'],
    ['Did the ROK take part?', 'Did the South Korea take part?'],
    ['What did the Republic of Korea do?', 'What did the South Korea do?'],
    ['Is the USA buying?', 'Is the United States buying?'],
    ['How does America help?', 'How does United States help?'],
    ['what do the states get?', 'what do United States get?'],
    [
      'the US-Japan alliance and the Japan-US alliance',
      'the United States-Japan alliance and the Japan-United States alliance',
    ],
    ['What has the PM said?', 'What has the Prime Minister said?'],
    ['What did POTUS say?', 'What did President say?'],
    ['what did potus say?', 'what did President say?'],
    ['What did FLOTUS do?', 'What did First Lady do?'],
    ['UN sanctions', 'United Nations sanctions'],
    ['U.N. sanctions', 'United Nations sanctions'],
    ['What did the SOTU say?', 'What did the State of the Union say?'],
    ['Did JSFs fly?', 'Did Joint Strike Fighters fly?'],
  ])('GIVEN "%s" THEN it searches "%s"', (question, search) => {
    expect(applyAliases(question, aliases)).toBe(search);
  });

  it('keeps possessives: "the DPRK\'s missiles" → "the North Korea\'s missiles"', () => {
    expect(applyAliases("the DPRK's missiles", aliases)).toBe("the North Korea's missiles");
  });

  it('matches whole words only', () => {
    expect(applyAliases('UNESCO, American jobs, the Americas, PMs, DPRKs', aliases)).toBe(
      'UNESCO, American jobs, the Americas, PMs, DPRKs',
    );
  });

  it('matches an acronym only in capitals: "us", "un" and "3 pm" are left alone', () => {
    expect(applyAliases('tell us about the un deal at 3 pm', aliases)).toBe(
      'tell us about the un deal at 3 pm',
    );
  });

  it('does not apply acronyms in a question typed entirely in capitals, where US may be "us"', () => {
    expect(applyAliases('TELL US MORE ABOUT AMERICA', aliases)).toBe('TELL US MORE ABOUT United States');
  });

  it('does not read America inside North, South, Latin or Central America', () => {
    expect(applyAliases('trade with North America and South America, and America', aliases)).toBe(
      'trade with North America and South America, and United States',
    );
  });

  it("leaves the sheets' own words and things that are not aliases alone", () => {
    for (const text of [
      'the North Korean regime',
      'What does the White House say about trade?',
      'What about Tokyo?',
      'Is North America part of it?',
      'Foreign Direct Investment (FDI) from Japan',
      'Which partners invested?',
      'How many F-35 jets?',
    ]) {
      expect(applyAliases(text, aliases)).toBe(text);
    }
  });
});

describe('a number people use as a name', () => {
  const table: AliasTable = {
    entries: [
      {
        alias: '45',
        term: 'Donald J. Trump',
        caseSensitive: true,
        except: [],
        asName: true,
        file: 't',
        line: 1,
      },
    ],
  };

  it.each([
    ['which leader got face time with 45 ahead of everyone else?', 'with Donald J. Trump ahead'],
    ['where did 45 speak to the troops?', 'did Donald J. Trump speak'],
    ['the car factory 45 bragged about', 'factory Donald J. Trump bragged'],
    ["what was 45's message?", "Donald J. Trump's message"],
    ['his rapport with 45 over the past year', 'with Donald J. Trump over'],
    ['what kind of commerce is 45 aiming for', 'is Donald J. Trump aiming'],
    ['who got face time w 45 after he won?', 'w Donald J. Trump after'],
    ['who got face time w/ 45 after he won?', 'w/ Donald J. Trump after'],
    ['did 45 and his wife ever sit down with them?', 'did Donald J. Trump and his wife'],
    ['how many times have 45 and shinzo talked?', 'have Donald J. Trump and shinzo'],
  ])('GIVEN "%s" THEN it stands as the name', (text, expected) => {
    expect(applyAliases(text, table)).toContain(expected);
  });

  it.each([
    'how many jobs did 45 companies create?',
    'were there 45 meetings?',
    'did they meet 45 times?',
    'is it about 45 percent?',
    'was it $45 billion?',
    'they held about 45 meetings with 45 over',
    'is 45 enough?',
    'was 45 a lot of meetings?',
    'did 45 and 50 companies invest?',
    'were 45 working there?',
  ])('GIVEN "%s" THEN a count stays a number', (text) => {
    expect(applyAliases(text, table).replace('with Donald J. Trump over', '')).not.toContain('Donald');
  });
});

describe('members named together', () => {
  const table: AliasTable = {
    entries: [],
    lists: [
      {
        term: 'infrastructure',
        members: ['roads', 'ports', 'bridges', 'power plants', 'power'],
        file: 't',
        line: 1,
      },
    ],
  };

  it.each([
    ['the roads-ports-and-power projects', 'the infrastructure projects'],
    ['the bridges-and-ports stuff', 'the infrastructure stuff'],
    ['roads, ports and power plants', 'infrastructure'],
    ['the roads/ports type projects', 'the infrastructure type projects'],
  ])('GIVEN "%s" THEN the kinds are read as their kind', (text, expected) => {
    expect(applyAliases(text, table)).toBe(expected);
  });

  it('GIVEN one member alone THEN it asks about itself', () => {
    expect(applyAliases('is japan building roads?', table)).toBe('is japan building roads?');
    expect(applyAliases('power and influence', table)).toBe('power and influence');
  });
});

describe('findAliases', () => {
  it('says what each alias was, where, and what replaced it', () => {
    expect(findAliases('Did the DPRK and the US agree?', aliases)).toEqual([
      { original: 'DPRK', term: 'North Korea', start: 8, end: 12 },
      { original: 'US', term: 'United States', start: 21, end: 23 },
    ]);
  });

  it('prefers the longest alias where two overlap', () => {
    expect(findAliases("Democratic People's Republic of Korea", aliases).map((use) => use.term)).toEqual([
      'North Korea',
    ]);
  });

  it('GIVEN a compound joined with a hyphen or a space THEN either reads as the alias ("gender-equality", "shout out")', () => {
    const table: AliasTable = {
      entries: [
        {
          alias: 'gender equality',
          term: 'women',
          caseSensitive: false,
          except: [],
          file: 'test.yaml',
          line: 1,
        },
        { alias: 'shout-out', term: 'praise', caseSensitive: false, except: [], file: 'test.yaml', line: 1 },
      ],
    };
    expect(applyAliases('that gender-equality summit', table)).toBe('that women summit');
    expect(applyAliases('a shout out in the speech', table)).toBe('a praise in the speech');
    expect(applyAliases('gender - equality', table)).toBe('women');
  });

  it('GIVEN an alias written with the text\'s own hyphen THEN it wins over a joined reading ("sit-down" the noun)', () => {
    const table: AliasTable = {
      entries: [
        { alias: 'sit-down', term: 'meeting', caseSensitive: false, except: [], file: 'test.yaml', line: 1 },
        {
          alias: 'sit down with',
          term: 'meet',
          caseSensitive: false,
          except: [],
          file: 'test.yaml',
          line: 1,
        },
      ],
    };
    expect(applyAliases('book a sit-down with the president', table)).toBe(
      'book a meeting with the president',
    );
    expect(applyAliases('sit down with the president', table)).toBe('meet the president');
  });

  it('returns nothing with an empty table', () => {
    expect(findAliases('DPRK', { entries: [] })).toEqual([]);
  });
});

describe('the shipped aliases for capitals and months', () => {
  it('GIVEN Seoul, Pyongyang or Washington THEN the government they stand for in the sheets’ words', async () => {
    const shipped = await loadAliases('knowledge/aliases');
    expect(applyAliases('when did Washington, Tokyo and Seoul hold drills?', shipped)).toBe(
      'when did United States, Japan and South Korea hold exercises?',
    );
    expect(applyAliases('what is Pyongyang building?', shipped)).toBe('what is North Korea building?');
  });

  it('GIVEN Tokyo as a place ("in Tokyo", "Tokyo, Japan") THEN it stays the city the sheets name', async () => {
    const shipped = await loadAliases('knowledge/aliases');
    expect(applyAliases("what did Tokyo's premier say?", shipped)).toBe("what did Japan's premier say?");
    expect(applyAliases('what happened in Tokyo last fall?', shipped)).toBe(
      'what happened in Tokyo last fall?',
    );
    expect(applyAliases('the assembly in Tokyo, Japan', shipped)).toBe('the assembly in Tokyo, Japan');
  });

  it('GIVEN an acronym the sheets spell out THEN the words in full ("BMD")', async () => {
    const shipped = await loadAliases('knowledge/aliases');
    expect(applyAliases('when were the BMD drills?', shipped)).toBe(
      'when were the ballistic missile defense exercises?',
    );
  });

  it('GIVEN an English idiom THEN its plain meaning ("teaming up", "heads of state", "face time")', async () => {
    const shipped = await loadAliases('knowledge/aliases');
    expect(applyAliases('are they teaming up on space?', shipped)).toBe('are they cooperate on space?');
    expect(applyAliases('how often have the heads of state met?', shipped)).toBe(
      'how often have the leaders met?',
    );
    expect(applyAliases('who had face time first?', shipped)).toBe('who had meeting first?');
  });

  it('GIVEN an abbreviated month the sheets name THEN the month in full', async () => {
    const shipped = await loadAliases('knowledge/aliases');
    expect(applyAliases('what happened in sept 2017?', shipped)).toBe('what happened in September 2017?');
  });
});
