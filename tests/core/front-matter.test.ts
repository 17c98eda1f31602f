import { describe, expect, it } from 'vitest';

import { FrontMatterError, splitFrontMatter } from '../../src/core/front-matter.js';

function refusal(text: string): FrontMatterError {
  try {
    splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return error;
    throw error;
  }
  throw new Error('expected a FrontMatterError');
}

describe('splitFrontMatter (knowledge files and prompt files alike)', () => {
  it('GIVEN YAML between two --- lines THEN it returns each field with its file line, and the body with its first line', () => {
    const split = splitFrontMatter('---\nname: answer\n# a comment\nvariables: [a, b]\n---\nfirst\r\nsecond');

    expect(split.fields.get('name')).toEqual({ value: 'answer', line: 2 });
    expect(split.fields.get('variables')).toEqual({ value: ['a', 'b'], line: 4 });
    expect(split.bodyLines).toEqual(['first', 'second']);
    expect(split.bodyFirstLine).toBe(6);
  });

  it('GIVEN a date-like value THEN it stays text (YAML core schema, no timestamps)', () => {
    expect(splitFrontMatter('---\ndate: 2019-05-25\n---\n').fields.get('date')?.value).toBe('2019-05-25');
  });

  it('GIVEN no opening --- THEN it refuses at line 1', () => {
    expect(refusal('title: T\n')).toMatchObject({
      line: 1,
      problem: expect.stringMatching(/^missing front matter/),
    });
  });

  it('GIVEN an opening --- that is never closed THEN it refuses at line 1', () => {
    expect(refusal('---\ntitle: T\nbody\n')).toMatchObject({
      line: 1,
      problem: expect.stringMatching(/^unterminated front matter/),
    });
  });

  it('GIVEN invalid YAML or a key given twice THEN it refuses at the line at fault', () => {
    expect(refusal('---\na: 1\nb: [x\n---\n')).toMatchObject({
      line: 3,
      problem: expect.stringMatching(/invalid YAML/),
    });
    expect(refusal('---\na: 1\nb: 2\na: 3\n---\n')).toMatchObject({ line: 4 });
  });

  it('GIVEN a list instead of key: value lines THEN it refuses at its first line', () => {
    expect(refusal('---\n- a\n---\n')).toMatchObject({
      line: 2,
      problem: expect.stringMatching(/key: value/),
    });
  });

  it('GIVEN empty front matter THEN it returns no fields', () => {
    expect(splitFrontMatter('---\n---\nbody').fields.size).toBe(0);
  });
});
