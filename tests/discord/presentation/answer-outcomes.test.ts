import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import type { Answer, Citation } from '../../../src/core/types.js';
import { formatAnswerMessages } from '../../../src/discord/presentation/answer-message.js';
import { DiscordLimits } from '../../../src/discord/presentation/discord-limits.js';
import {
  EmbedColors,
  embedLength,
  type OutgoingMessage,
} from '../../../src/discord/presentation/outgoing-message.js';
import { defaultFakeAnswer, fakeCitation, FAKE_PASSAGES } from '../../support/fake-core.js';

const embedsOf = (messages: OutgoingMessage[]): APIEmbed[] =>
  messages.flatMap((message) => message.embeds ?? []);
const buttonLabels = (messages: OutgoingMessage[]): string[] =>
  messages.flatMap((message) =>
    (message.components ?? []).flatMap((row) =>
      row.components.map((button) => ('label' in button ? (button.label ?? '') : '')),
    ),
  );
const citation = (index: number, marker: number): Citation => fakeCitation(FAKE_PASSAGES[index]!.id, marker)!;

function related(overrides: Partial<Answer> = {}): Answer {
  return {
    ...defaultFakeAnswer({ question: 'What car will the Alabama plant build?' }),
    answered: false,
    outcome: 'related',
    text: "The fact sheets don't say which car. The closest they come: Toyota and Mazda are investing $1.6 billion. [1]",
    citations: [citation(0, 1)],
    missingTerms: [],
    ...overrides,
  };
}

describe('GIVEN a related answer (the closest passage, not an exact answer)', () => {
  const messages = formatAnswerMessages(related());
  const [embed] = embedsOf(messages);

  it('THEN its source is shown with a Passage [1] button, as for an answer', () => {
    expect(embed?.fields?.[0]?.name).toBe('Sources');
    expect(embed?.fields?.[0]?.value).toContain('[1]');
    expect(buttonLabels(messages)).toEqual(['Passage [1]']);
  });

  it('THEN it is styled as "not exactly answered": its own colour and a footer saying so', () => {
    expect(embed?.color).toBe(EmbedColors.related);
    expect(embed?.color).not.toBe(EmbedColors.answer);
    expect(embed?.footer?.text).toMatch(/^Not an exact answer/u);
    expect(embed?.footer?.text).not.toMatch(/^Answered/u);
  });
});

describe('GIVEN a Japanese answer', () => {
  const answer: Answer = {
    ...defaultFakeAnswer({ question: '令和とはどういう意味ですか？' }),
    language: 'ja',
    text: 'ファクトシートには次のようにあります（英語の原文）： Reiwa means "beautiful harmony." [1]',
    citations: [citation(0, 1), citation(1, 2)],
  };
  const messages = formatAnswerMessages(answer);
  const [embed] = embedsOf(messages);

  it('THEN Sources, the passage buttons and the footer are labelled in Japanese', () => {
    expect(embed?.fields?.[0]?.name).toBe('出典');
    expect(buttonLabels(messages)).toEqual(['原文 [1]', '原文 [2]']);
    expect(embed?.footer?.text).toMatch(/^ホワイトハウスのファクトシートから回答/u);
  });

  it("THEN the sheets' English sentence and the question are shown as they are", () => {
    expect(embed?.title).toBe('令和とはどういう意味ですか？');
    expect(embed?.description).toContain('Reiwa means "beautiful harmony." [1]');
  });
});

describe('GIVEN an overview (one cited "• " line per section)', () => {
  const lines = Array.from(
    { length: 12 },
    (_, index) =>
      `• SECTION ${index + 1}: ${'A sentence from the sheet about this section. '.repeat(6).trim()} [${index + 1}]`,
  );
  const answer: Answer = {
    ...defaultFakeAnswer({ question: 'Summarize the 2019 fact sheet' }),
    text: ['What the May 25, 2019 fact sheet covers, section by section:', ...lines].join('\n'),
    citations: lines.map((_, index) => citation(index % FAKE_PASSAGES.length, index + 1)),
    answerer: 'overview',
  };
  const messages = formatAnswerMessages(answer);

  it('THEN every line keeps its own line, bullets first', () => {
    const description = embedsOf(messages)
      .map((embed) => embed.description ?? '')
      .join('\n');
    for (const line of lines) expect(description.split('\n')).toContain(line);
  });

  it("THEN every message stays within Discord's limits", () => {
    for (const message of messages) {
      const total = (message.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed), 0);
      expect(total).toBeLessThanOrEqual(DiscordLimits.embedTotal);
      for (const embed of message.embeds ?? [])
        expect((embed.description ?? '').length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
    }
  });
});

describe('GIVEN a reply that is not about the sheets (small talk)', () => {
  it('THEN it shows no sources and no "not covered" footer', () => {
    const answer: Answer = {
      ...defaultFakeAnswer({ question: 'thanks!' }),
      answered: false,
      outcome: 'chit-chat',
      text: 'Hello! I answer questions about the U.S.–Japan alliance…',
      citations: [],
      answerer: 'kizuna',
    };
    const [embed] = embedsOf(formatAnswerMessages(answer));
    expect(embed?.fields).toEqual([]);
    expect(embed?.footer).toBeUndefined();
  });
});

describe('GIVEN a question that carries mentions and channel links', () => {
  it('THEN its echo in the title cannot render them', () => {
    const answer = defaultFakeAnswer({
      question: '<@123456789012345678> <#123456789012345678> <@&223456789012345678> trade?',
    });
    const [embed] = embedsOf(formatAnswerMessages(answer));
    expect(embed?.title).not.toMatch(/<@!?&?\d+>|<#\d+>/u);
  });
});

describe('GIVEN an answer that stands in for a model (fallbackReason)', () => {
  const reason = 'the language model did not answer within 1000 ms';
  const messages = formatAnswerMessages({
    ...defaultFakeAnswer({ question: 'What does Reiwa mean?' }),
    fallbackReason: reason,
  });
  const embed = embedsOf(messages).at(-1);

  it('THEN the footer says so first, then the usual footer', () => {
    expect(embed?.footer?.text).toBe(
      `${formatFallbackNote(reason)}\n${formatAnswerMessages(defaultFakeAnswer({ question: 'What does Reiwa mean?' })).at(-1)?.embeds?.[0]?.footer?.text}`,
    );
  });

  it('THEN without fallbackReason there is no note', () => {
    const plain = embedsOf(formatAnswerMessages(defaultFakeAnswer({ question: 'What does Reiwa mean?' }))).at(
      -1,
    );
    expect(plain?.footer?.text).not.toMatch(/Answered from the fact sheets directly/u);
  });

  it('THEN a reply with no footer of its own (small talk) still gets the note', () => {
    const chat = formatAnswerMessages({
      ...defaultFakeAnswer({ question: 'What does Reiwa mean?' }),
      outcome: 'chit-chat',
      answered: false,
      citations: [],
      fallbackReason: reason,
    });
    expect(embedsOf(chat).at(-1)?.footer?.text).toBe(formatFallbackNote(reason));
  });
});
