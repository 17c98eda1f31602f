import { describe, expect, it } from 'vitest';

import { formatNoQuoteMessage, formatQuoteForTerminal } from '../../../src/cli/format/format-quote.js';
import { ANSI } from '../support/cli-harness.js';
import { quoteResult } from '../../support/fake-core.js';

describe('formatQuoteForTerminal', () => {
  it('shows the words in quotation marks, the speaker and the citation', () => {
    const output = formatQuoteForTerminal(quoteResult('Speaker One', 'Friends stand together.'), {
      width: 80,
      color: false,
    });
    expect(output).toContain('“Friends stand together.”');
    expect(output).toContain('— Speaker One');
    expect(output).toContain('Source: Fact Sheet A (May 25, 2019) — SECTION 1');
    expect(output).not.toMatch(ANSI);
  });
});

describe('formatNoQuoteMessage', () => {
  it('says what was looked for and lists the known speakers', () => {
    const message = formatNoQuoteMessage({ speaker: 'nobody', topic: 'tea' }, ['Speaker One', 'Speaker Two']);
    expect(message).toContain('speaker “nobody”');
    expect(message).toContain('topic “tea”');
    expect(message).toContain('Speaker One; Speaker Two');
  });
});
