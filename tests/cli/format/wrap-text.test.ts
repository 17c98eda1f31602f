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

describe('wrapText with Japanese', () => {
  const columns = (line: string): number =>
    [...line].reduce(
      (sum, char) => sum + (/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/u.test(char) ? 2 : 1),
      0,
    );

  it('GIVEN a Japanese sentence (no spaces) THEN it is broken so no line is wider than the width, wide characters counting two', () => {
    const text = 'ファクトシートには、日米両国が経済と安全保障の分野で協力を深めていることが書かれています。';
    const lines = wrapText(text, 30);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(30);
    expect(lines.join('')).toBe(text);
  });

  it('GIVEN Japanese punctuation THEN no line starts with a closing mark', () => {
    const text = '令和とは、「美しい調和」という意味です。日本の新しい時代の名前です。';
    for (let width = 8; width <= 30; width += 1)
      for (const line of wrapText(text, width).slice(1)) expect(line).not.toMatch(/^[、。」]/u);
  });

  it('GIVEN a Japanese lead-in then an English sentence THEN the English words and markers stay whole', () => {
    const text = 'ファクトシートには次のようにあります（英語の原文）：\nReiwa means "beautiful harmony." [1]';
    const lines = wrapText(text, 20);
    expect(lines).toContain('[1]');
    expect(lines.join(' ')).toContain('"beautiful harmony."');
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(20);
  });

  it('GIVEN an overview of "• " lines THEN each stays on a line of its own', () => {
    const lines = wrapText('Lead:\n• SECURITY: one [1]\n• TRADE: two [2]', 80);
    expect(lines).toEqual(['Lead:', '• SECURITY: one [1]', '• TRADE: two [2]']);
  });
});
