import { describe, expect, it } from 'vitest';

import { parseAliasDocument, parseAliasFile } from '../../../src/core/question/parse-alias-file.js';

const HEADER = 'source: written for Kizuna\nlicence: MIT\n';

function problem(text: string): string {
  try {
    parseAliasFile('en.yaml', text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseAliasDocument', () => {
  it('reads a members list: kinds that named together stand for their term', () => {
    const parsed = parseAliasDocument(
      'en.yaml',
      `${HEADER}aliases:\n  - term: infrastructure\n    members: [roads, ports, power plants]\n`,
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.lists).toEqual([
      { term: 'infrastructure', members: ['roads', 'ports', 'power plants'], file: 'en.yaml', line: 4 },
    ]);
  });

  it('reads asName: the alias is read only where it stands as a name', () => {
    const parsed = parseAliasDocument(
      'en.yaml',
      `${HEADER}aliases:\n  - term: Donald J. Trump\n    aliases: ["45"]\n    asName: true\n`,
    );
    expect(parsed.entries).toEqual([
      {
        alias: '45',
        term: 'Donald J. Trump',
        caseSensitive: true,
        except: [],
        asName: true,
        file: 'en.yaml',
        line: 5,
      },
    ]);
    expect(() =>
      parseAliasDocument(
        'en.yaml',
        `${HEADER}aliases:\n  - term: X\n    aliases: [y]\n    asName: yes please\n`,
      ),
    ).toThrow(/"asName" must be true or false/);
  });

  it('rejects a list of one member', () => {
    expect(() =>
      parseAliasDocument('en.yaml', `${HEADER}aliases:\n  - term: infrastructure\n    members: [roads]\n`),
    ).toThrow(/needs at least two members/);
  });
});

describe('parseAliasFile', () => {
  it('reads each alias with its term, its line and whether it is an acronym', () => {
    const entries = parseAliasFile(
      'en.yaml',
      `${HEADER}aliases:\n  - term: North Korea\n    aliases: [DPRK, N. Korea]\n  - term: United States\n    aliases:\n      - America\n    except: [North America]\n`,
    );
    expect(entries).toEqual([
      { alias: 'DPRK', term: 'North Korea', caseSensitive: true, except: [], file: 'en.yaml', line: 5 },
      { alias: 'N. Korea', term: 'North Korea', caseSensitive: false, except: [], file: 'en.yaml', line: 5 },
      {
        alias: 'America',
        term: 'United States',
        caseSensitive: false,
        except: ['North America'],
        file: 'en.yaml',
        line: 8,
      },
    ]);
  });

  it.each([
    ['invalid YAML', `${HEADER}aliases: [`, /^en\.yaml:3: not valid YAML/],
    ['a missing licence', 'source: x\naliases: []\n', /^en\.yaml:1: "licence" must be non-empty text/],
    ['an unknown top-level field', `${HEADER}aliasses: []\n`, /^en\.yaml:3: unknown field "aliasses"/],
    ['aliases that are not a list', `${HEADER}aliases: DPRK\n`, /^en\.yaml:3: "aliases" must be a list/],
    [
      'an unknown entry field',
      `${HEADER}aliases:\n  - term: North Korea\n    alias: [DPRK]\n`,
      /^en\.yaml:5: unknown field "alias"/,
    ],
    [
      'an empty term',
      `${HEADER}aliases:\n  - term: ""\n    aliases: [DPRK]\n`,
      /^en\.yaml:4: "term" must be non-empty text/,
    ],
    [
      'an alias that is not text',
      `${HEADER}aliases:\n  - term: North Korea\n    aliases: [DPRK, 42]\n`,
      /^en\.yaml:5: "aliases" must be non-empty text/,
    ],
    [
      'an entry with no alias',
      `${HEADER}aliases:\n  - term: North Korea\n    aliases: []\n`,
      /^en\.yaml:4: "North Korea" needs at least one alias/,
    ],
    [
      'an alias equal to its term',
      `${HEADER}aliases:\n  - term: North Korea\n    aliases: [north korea]\n`,
      /^en\.yaml:5: "north korea" is the term itself/,
    ],
    [
      'an alias listed twice',
      `${HEADER}aliases:\n  - term: North Korea\n    aliases: [DPRK]\n  - term: South Korea\n    aliases:\n      - dprk\n`,
      /^en\.yaml:8: alias "dprk" is already listed on line 5/,
    ],
    [
      'an except phrase without the alias',
      `${HEADER}aliases:\n  - term: United States\n    aliases: [America]\n    except: [Canada]\n`,
      /^en\.yaml:6: except phrase "Canada" contains none of the aliases/,
    ],
  ])('GIVEN %s THEN it throws naming the file and line', (_case, text, message) => {
    expect(problem(text)).toMatch(message);
  });
});
