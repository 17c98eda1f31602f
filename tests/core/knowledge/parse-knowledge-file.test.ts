import { describe, expect, it } from 'vitest';

import { isKizunaError } from '../../../src/core/errors.js';
import { KnowledgeError } from '../../../src/core/knowledge/knowledge-error.js';
import { parseKnowledgeFile } from '../../../src/core/knowledge/parse-knowledge-file.js';
import { knowledgeFileText, utf8 } from './knowledge-file-text.js';

const FILE = 'sample-sheet.md';

/** Parses and returns the KnowledgeError thrown, failing the test if none is. */
function parseError(bytes: Uint8Array): KnowledgeError {
  try {
    parseKnowledgeFile(FILE, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return error as KnowledgeError;
  }
  throw new Error('expected parseKnowledgeFile to throw');
}

function expectRefusal(bytes: Uint8Array, line: number, problem: RegExp): void {
  const error = parseError(bytes);
  expect(isKizunaError(error) && error.code).toBe('KNOWLEDGE_INVALID');
  expect(error.file).toBe(FILE);
  expect(error.line).toBe(line);
  expect(error.message.startsWith(`${FILE}:${line}: `)).toBe(true);
  expect(error.message).toMatch(problem);
}

describe('parseKnowledgeFile', () => {
  it('describes the document from its front matter, remembering which file it came from', () => {
    const { document } = parseKnowledgeFile(
      FILE,
      utf8(
        knowledgeFileText({
          frontMatter: [
            'id: sample-sheet',
            '# comments are allowed',
            'title: Sample Fact Sheet',
            'title_confirmed: false',
            'publisher: The White House',
            'date: "2018-04"',
            'date_approximate: true',
            'display_date: "2018 (likely April)"',
            'source: received as plain text',
          ],
        }),
      ),
    );
    expect(document).toEqual({
      id: 'sample-sheet',
      title: 'Sample Fact Sheet',
      titleConfirmed: false,
      publisher: 'The White House',
      date: '2018-04',
      dateApproximate: true,
      displayDate: '2018 (likely April)',
      source: 'received as plain text',
      file: FILE,
    });
  });

  it('fills in optional fields: exact date, confirmed title, display date derived from the date, no source', () => {
    const { document } = parseKnowledgeFile(FILE, utf8(knowledgeFileText()));
    expect(document.dateApproximate).toBe(false);
    expect(document.titleConfirmed).toBe(true);
    expect(document.displayDate).toBe('May 25, 2019');
    expect(document).not.toHaveProperty('source');
  });

  it('accepts an unquoted year as the date', () => {
    const text = knowledgeFileText({ frontMatter: ['id: a', 'title: T', 'publisher: P', 'date: 2018'] });
    expect(parseKnowledgeFile(FILE, utf8(text)).document.date).toBe('2018');
  });

  it('accepts a leading byte order mark and Windows line endings', () => {
    const text = '\uFEFF' + knowledgeFileText().replace(/\n/g, '\r\n');
    const parsed = parseKnowledgeFile(FILE, utf8(text));
    expect(parsed.document.id).toBe('sample-sheet');
    expect(parsed.passages.map((passage) => passage.text)).toEqual([
      '"We are friends." – President Donald J. Trump',
      'The summary sentence.',
      'A bullet.',
    ]);
  });

  it('numbers passage lines in the file, counting the front matter', () => {
    const { passages } = parseKnowledgeFile(FILE, utf8(knowledgeFileText()));
    // Lines 1–6 are the front matter and its two delimiters.
    expect(passages.map((passage) => passage.line)).toEqual([7, 8, 9]);
  });

  it('finds the quotations of the file', () => {
    const { quotations, passages } = parseKnowledgeFile(FILE, utf8(knowledgeFileText()));
    expect(quotations).toEqual([
      expect.objectContaining({
        speaker: 'President Donald J. Trump',
        text: 'We are friends.',
        passageId: passages[0]?.id,
        form: 'whole-line',
      }),
    ]);
  });

  describe('refuses, naming file and line,', () => {
    it('a file without front matter', () => {
      expectRefusal(utf8('Just text.\nMore text.\n'), 1, /missing front matter/);
    });

    it('front matter that is never closed', () => {
      expectRefusal(utf8('---\nid: a\ntitle: T\nA line of text.\n'), 1, /unterminated front matter/);
    });

    it('front matter that is not valid YAML, at the bad line', () => {
      const text = knowledgeFileText({
        frontMatter: ['id: a', 'title: T', 'publisher: The White House: Press Office', 'date: "2019"'],
      });
      expectRefusal(utf8(text), 4, /invalid YAML in front matter/);
    });

    it('a field given twice', () => {
      const text = knowledgeFileText({
        frontMatter: ['id: a', 'title: T', 'publisher: P', 'date: "2019"', 'title: U'],
      });
      expectRefusal(utf8(text), 6, /invalid YAML/);
    });

    it('front matter that is not key: value lines', () => {
      expectRefusal(utf8(knowledgeFileText({ frontMatter: ['- just', '- a list'] })), 2, /key: value/);
    });

    it.each(['id', 'title', 'publisher', 'date'])(
      'a missing required field (%s), at the opening line',
      (field) => {
        const all = { id: 'id: a', title: 'title: T', publisher: 'publisher: P', date: 'date: "2019"' };
        const frontMatter = Object.entries(all)
          .filter(([key]) => key !== field)
          .map(([, line]) => line);
        expectRefusal(utf8(knowledgeFileText({ frontMatter })), 1, new RegExp(`no "${field}" field`));
      },
    );

    it.each(['id', 'title', 'publisher', 'date'])('an empty required field (%s), at its line', (field) => {
      const frontMatter = ['id: a', 'title: T', 'publisher: P', 'date: "2019"'].map((line) =>
        line.startsWith(`${field}:`) ? `${field}: ""` : line,
      );
      const line = 2 + frontMatter.findIndex((entry) => entry.startsWith(`${field}:`));
      expectRefusal(utf8(knowledgeFileText({ frontMatter })), line, new RegExp(`"${field}"`));
    });

    it('a required field with no value at all', () => {
      expectRefusal(
        utf8(knowledgeFileText({ frontMatter: ['id: a', 'title:', 'publisher: P', 'date: "2019"'] })),
        3,
        /"title".*empty/,
      );
    });

    it.each(['2019-5-25', '25 May 2019', '2019-13', '2019-02-30', '19-05-25'])(
      'a date that is not an ISO date (%s)',
      (date) => {
        const text = knowledgeFileText({
          frontMatter: ['id: a', 'title: T', 'publisher: P', `date: "${date}"`],
        });
        expectRefusal(utf8(text), 5, /not an ISO date/);
      },
    );

    it('an unknown field, so that a misspelt one is not silently ignored', () => {
      const text = knowledgeFileText({
        frontMatter: ['id: a', 'title: T', 'publisher: P', 'date: "2019"', 'dispaly_date: May 2019'],
      });
      expectRefusal(utf8(text), 6, /unknown front matter field "dispaly_date"/);
    });

    it('a yes/no field that is not true or false', () => {
      const text = knowledgeFileText({
        frontMatter: ['id: a', 'title: T', 'publisher: P', 'date: "2019"', 'date_approximate: maybe'],
      });
      expectRefusal(utf8(text), 6, /"date_approximate" must be true or false/);
    });

    it('a document id that could not be part of a passage id', () => {
      const text = knowledgeFileText({
        frontMatter: ['id: my sheet#1', 'title: T', 'publisher: P', 'date: "2019"'],
      });
      expectRefusal(utf8(text), 2, /document id/);
    });

    it('a file with no text after its front matter, at the first body line', () => {
      expectRefusal(utf8(knowledgeFileText({ body: ['', '   ', ''] })), 7, /no text/);
    });

    it('bytes that are not UTF-8, at the line of the first bad byte', () => {
      const good = utf8(
        knowledgeFileText({
          body: ['"We are friends." – President Donald J. Trump', 'A SAMPLE SECTION: Fine.', 'Caf'],
        }),
      );
      // Latin-1 "é" (0xE9) where UTF-8 needs two bytes: the last body line, line 9.
      const bytes = new Uint8Array([...good.slice(0, good.length - 1), 0xe9, 0x0a]);
      expectRefusal(bytes, 9, /not valid UTF-8.*0xE9/);
    });
  });
});
