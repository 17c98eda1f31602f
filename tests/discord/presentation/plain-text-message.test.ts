import { describe, expect, it } from 'vitest';

import { citationLine, formatAnswerMessages } from '../../../src/discord/presentation/answer-message.js';
import { DiscordLimits } from '../../../src/discord/presentation/discord-limits.js';
import { formatDraftMessage } from '../../../src/discord/presentation/draft-message.js';
import {
  embedAsMarkdown,
  toPlainTextMessage,
  toPlainTextMessages,
} from '../../../src/discord/presentation/plain-text-message.js';
import { defaultFakeAnswer } from '../../support/fake-core.js';

const answer = defaultFakeAnswer({ question: 'What does Reiwa mean?' });

describe('embedAsMarkdown', () => {
  it('keeps every word a person reads: bold title, text, bold field names over values, footer as subtext', () => {
    expect(
      embedAsMarkdown({
        title: 'Q',
        description: 'Answer. [1]',
        fields: [{ name: 'Sources', value: '[1] *Sheet* — May 25, 2019 — TRADE' }],
        footer: { text: 'line one\nline two' },
      }),
    ).toBe(
      '**Q**\n\nAnswer. [1]\n\n**Sources**\n[1] *Sheet* — May 25, 2019 — TRADE\n\n-# line one\n-# line two',
    );
  });
});

describe('toPlainTextMessages', () => {
  it('GIVEN an answer THEN one message without embeds, with the same text, markers, sources and buttons', () => {
    const embedded = formatAnswerMessages(answer);
    const [plain, ...more] = toPlainTextMessages(embedded);
    expect(more).toEqual([]);
    expect(plain?.embeds).toEqual([]);
    expect(plain?.content).toContain('**What does Reiwa mean?**');
    expect(plain?.content).toContain(answer.text);
    for (const citation of answer.citations) expect(plain?.content).toContain(citationLine(citation));
    expect(plain?.components).toEqual(embedded.at(-1)?.components);
    expect(plain?.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('GIVEN a long answer THEN pieces of at most 2,000 characters that together say everything, buttons last', () => {
    const long = { ...answer, text: `${'The alliance is strong. '.repeat(300)}[1]` };
    const embedded = formatAnswerMessages(long);
    const plain = toPlainTextMessages(embedded);
    expect(plain.length).toBeGreaterThan(1);
    for (const message of plain) {
      expect(message.content?.length).toBeLessThanOrEqual(DiscordLimits.messageContent);
      expect(message.embeds).toEqual([]);
    }
    const all = plain.map((message) => message.content).join('\n');
    for (const citation of long.citations) expect(all).toContain(citationLine(citation));
    expect(plain.at(-1)?.components?.length).toBeGreaterThan(0);
    expect(plain.slice(0, -1).every((message) => message.components === undefined)).toBe(true);
  });
});

describe('toPlainTextMessage', () => {
  it('GIVEN a streamed draft THEN one message of at most 2,000 characters that drops the embed when edited in', () => {
    const draft = toPlainTextMessage(
      formatDraftMessage('A very long sentence. '.repeat(200), { question: 'Q?', language: 'en' }),
    );
    expect(draft.embeds).toEqual([]);
    expect(draft.content?.length).toBeLessThanOrEqual(DiscordLimits.messageContent);
    expect(draft.content).toMatch(/^\*\*Q\?\*\*\n\nA very long sentence\./u);
  });
});
