import { describe, expect, it } from 'vitest';

import { chatMessages } from '../../../src/cli/chat/chat-messages.js';
import { CHAT_HELP, CHAT_HELP_JA } from '../../../src/cli/chat/chat-session.js';
import { formatFactSheets, formatStatus } from '../../../src/cli/format/format-status.js';
import { createFakeCore } from '../../support/fake-core.js';

const PLAIN = { width: 200, color: false } as const;
const LATIN_WORD = /\b(?!Kizuna\b|Ctrl\b|D\b)[A-Za-z]{3,}\b/u;

/** The chat's own words with the commands (/sources, /quote…) taken out: what a reader reads as prose. */
function prose(text: string): string {
  return text.replace(/\/[a-z]+/gu, '');
}

describe('chatMessages', () => {
  it('has Japanese for every help text, heading and notice with --lang ja', () => {
    const ja = chatMessages('ja');
    for (const text of [
      ja.help,
      ja.greeting,
      ja.contextCleared,
      ja.factSheets,
      ja.citedInLastAnswer,
      ja.sheetSize(3, 1),
      ja.unknownCommand('foo'),
      ja.turnFailed('…'),
      ...Object.values(ja.status).filter((label): label is string => typeof label === 'string'),
      ja.status.knowledgeValue(2, 45, 5),
      ja.status.questionsValue(1, 0),
    ]) {
      expect(prose(text)).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
      expect(prose(text)).not.toMatch(LATIN_WORD);
    }
  });

  it('keeps the English words the chat has always used, and /help is the same list as chatHelp', () => {
    const en = chatMessages('en');
    expect(en.factSheets).toBe('Fact sheets');
    expect(en.citedInLastAnswer).toBe('Cited in the last answer');
    expect(en.help).toBe(CHAT_HELP);
    expect(chatMessages('ja').help).toBe(CHAT_HELP_JA);
    expect(chatMessages(undefined)).toBe(en);
  });

  it('gives the fact-sheet list and the status block Japanese headings and labels', () => {
    const core = createFakeCore();
    const sheets = formatFactSheets(core.sources(), PLAIN, chatMessages('ja'));
    expect(sheets.split('\n')[0]).toBe('ファクトシート');
    expect(sheets).not.toMatch(/passages?|quotations?/u);
    const status = formatStatus(core.status(), PLAIN, new Date(), chatMessages('ja').status);
    expect(status.split('\n')[0]).toBe('Kizunaの状態');
    expect(status).not.toMatch(/Knowledge|Fingerprint|Questions|answered/u);
  });
});
