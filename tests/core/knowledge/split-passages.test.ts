import { describe, expect, it } from 'vitest';

import { sha256Hex } from '../../../src/core/knowledge/stable-id.js';
import { splitPassages } from '../../../src/core/knowledge/split-passages.js';

const BODY = [
  '',
  '   "An opening quotation." – Someone  ',
  'FIRST HEADING: The first summary.',
  '',
  'A first bullet. ',
  '  SECOND, AND LAST HEADING: The second summary.',
  'A second bullet.',
];

describe('splitPassages', () => {
  it('makes the first non-empty line the opening quotation, outside any section', () => {
    const [opening] = splitPassages('doc', BODY, 10);
    expect(opening).toMatchObject({
      kind: 'opening-quote',
      section: '',
      text: '"An opening quotation." – Someone',
      position: 0,
      line: 11,
    });
  });

  it('turns "HEADING: sentence" into a section whose summary is the sentence', () => {
    const passages = splitPassages('doc', BODY, 10);
    expect(passages.filter((passage) => passage.kind === 'section-summary')).toMatchObject([
      { section: 'FIRST HEADING', text: 'The first summary.', line: 12 },
      { section: 'SECOND, AND LAST HEADING', text: 'The second summary.', line: 15 },
    ]);
  });

  it('makes every other non-empty line one bullet of the current section, trimmed but otherwise verbatim', () => {
    const bullets = splitPassages('doc', BODY, 10).filter((passage) => passage.kind === 'bullet');
    expect(bullets).toMatchObject([
      { section: 'FIRST HEADING', text: 'A first bullet.', line: 14 },
      { section: 'SECOND, AND LAST HEADING', text: 'A second bullet.', line: 16 },
    ]);
  });

  it('counts positions from 0 through the whole document', () => {
    expect(splitPassages('doc', BODY, 1).map((passage) => passage.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops no non-empty line', () => {
    const body = [
      'one',
      'TWO: two',
      'three',
      '',
      'four: not a heading',
      'US: an acronym is not a heading',
      'Mixed Case: not a heading',
    ];
    expect(splitPassages('doc', body, 1)).toHaveLength(body.filter((line) => line.trim() !== '').length);
  });

  it('does not need an opening quotation when the sheet starts with a heading', () => {
    const passages = splitPassages('doc', ['ONLY HEADING: Summary.', 'Bullet.'], 1);
    expect(passages.map((passage) => passage.kind)).toEqual(['section-summary', 'bullet']);
  });

  it('lets a heading without a sentence name the section of the bullets after it', () => {
    const passages = splitPassages('doc', ['"Quote." – Someone', 'SECURITY:', 'Bullet.'], 1);
    expect(passages.map((passage) => [passage.kind, passage.section])).toEqual([
      ['opening-quote', ''],
      ['bullet', 'SECURITY'],
    ]);
  });

  it('derives ids from the document id and the text alone', () => {
    const passages = splitPassages('doc', BODY, 1);
    for (const passage of passages) expect(passage.id).toBe(`doc#${sha256Hex(passage.text).slice(0, 12)}`);
    const moved = splitPassages('doc', ['', '', ...BODY.slice().reverse()], 40);
    expect(new Set(moved.map((passage) => passage.id))).toEqual(
      new Set(passages.map((passage) => passage.id)),
    );
  });

  it('keeps other ids when one passage changes', () => {
    const before = splitPassages('doc', BODY, 1);
    const after = splitPassages(
      'doc',
      BODY.map((line) => (line === 'A first bullet. ' ? 'A first bullet, reworded.' : line)),
      1,
    );
    const changed = before.filter((passage, index) => passage.id !== after[index]?.id);
    expect(changed.map((passage) => passage.text)).toEqual(['A first bullet.']);
  });

  it('numbers repeated texts -2, -3 in document order', () => {
    const ids = splitPassages('doc', ['Same.', 'Same.', 'Other.', 'Same.'], 1).map((passage) => passage.id);
    const base = `doc#${sha256Hex('Same.').slice(0, 12)}`;
    expect([ids[0], ids[1], ids[3]]).toEqual([base, `${base}-2`, `${base}-3`]);
  });
});
