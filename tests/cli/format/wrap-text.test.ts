import { describe, expect, it } from 'vitest';

import { wrapText } from '../../../src/cli/format/wrap-text.js';

describe('wrapText', () => {
  it('breaks between words so no line is wider than the width', () => {
    const text =
      'The United States and Japan reaffirm their alliance as the cornerstone of peace and security.';
    const lines = wrapText(text, 30);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(text);
  });

  it('indents the first and following lines as asked', () => {
    const lines = wrapText('one two three four five six seven eight', 16, {
      firstIndent: '[1] ',
      indent: '    ',
    });
    expect(lines[0]?.startsWith('[1] one')).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith('    ')).toBe(true);
  });

  it('keeps a word longer than the line whole', () => {
    const url = 'https://www.whitehouse.gov/briefings-statements/a-very-long-address';
    expect(wrapText(`see ${url} now`, 20)).toEqual(['see', url, 'now']);
  });

  it('keeps paragraph breaks', () => {
    expect(wrapText('first\n\nsecond', 80)).toEqual(['first', '', 'second']);
  });
});
