import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';

import type { Answer, Citation } from '../../../src/core/types.js';
import { passageIdFromCustomId } from '../../../src/discord/interactions/passage-custom-id.js';
import {
  formatAnswerMessages,
  SOURCES_FIELD_NAME,
} from '../../../src/discord/presentation/answer-message.js';
import { DiscordLimits } from '../../../src/discord/presentation/discord-limits.js';
import { embedLength, type OutgoingMessage } from '../../../src/discord/presentation/outgoing-message.js';
import { defaultFakeAnswer, fakeCitation, FAKE_PASSAGES } from '../../support/fake-core.js';

function expectWithinLimits(message: OutgoingMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect((message.content ?? '').length).toBeLessThanOrEqual(DiscordLimits.messageContent);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DiscordLimits.embedsPerMessage);
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
    DiscordLimits.embedTotal,
  );
  for (const embed of embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DiscordLimits.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DiscordLimits.embedDescription);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DiscordLimits.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DiscordLimits.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
    }
  }
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(DiscordLimits.actionRows);
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(DiscordLimits.buttonsPerRow);
    for (const button of row.components) {
      if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(DiscordLimits.customId);
    }
  }
}

const allEmbeds = (messages: OutgoingMessage[]): APIEmbed[] =>
  messages.flatMap((message) => message.embeds ?? []);

describe('formatAnswerMessages', () => {
  it('shows the question, the answer with its markers, and a sources section naming title, date and section', () => {
    const answer = defaultFakeAnswer({ question: 'What about trade?' });
    const messages = formatAnswerMessages(answer);
    expect(messages).toHaveLength(1);
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe('What about trade?');
    expect(embed?.description).toContain('[1]');
    expect(embed?.description).toContain('[2]');
    const sources = embed?.fields?.find((field) => field.name === SOURCES_FIELD_NAME);
    for (const citation of answer.citations) {
      expect(sources?.value).toContain(`[${citation.marker}]`);
      expect(sources?.value).toContain(citation.title);
      expect(sources?.value).toContain(citation.displayDate);
      expect(sources?.value).toContain(citation.section);
    }
    expectWithinLimits(messages[0]!);
  });

  it('offers one button per citation that encodes the passage id', () => {
    const answer = defaultFakeAnswer({ question: 'q' });
    const [message] = formatAnswerMessages(answer);
    const buttons = (message?.components ?? []).flatMap((row) => row.components);
    const ids = buttons.map((button) =>
      'custom_id' in button ? passageIdFromCustomId(button.custom_id) : undefined,
    );
    expect(ids).toEqual(answer.citations.map((citation) => citation.passageId));
  });

  it('leaves out a button whose passage id would not fit a custom id, but still lists the source', () => {
    const long = { ...fakeCitation(FAKE_PASSAGES[0]!.id, 1)!, passageId: `doc#${'x'.repeat(120)}` };
    const answer: Answer = { ...defaultFakeAnswer({ question: 'q' }), citations: [long] };
    const [message] = formatAnswerMessages(answer);
    expect(message?.components ?? []).toEqual([]);
    expect(message?.embeds?.[0]?.fields?.[0]?.value).toContain(long.title);
  });

  it('splits a very long answer over several messages within every Discord limit, sources and buttons on the last', () => {
    const sentence =
      'The United States and Japan deepen their cooperation on trade, security and technology [1]. ';
    const citations: Citation[] = Array.from({ length: 30 }, (_, index) => ({
      ...fakeCitation(FAKE_PASSAGES[index % FAKE_PASSAGES.length]!.id, index + 1)!,
      passageId: `doc-${index}#abc${index}`,
      title: `A very long fact sheet title number ${index} `.repeat(8),
    }));
    const answer: Answer = { ...defaultFakeAnswer({ question: 'q' }), text: sentence.repeat(120), citations };
    const messages = formatAnswerMessages(answer, { question: 'Tell me everything @everyone '.repeat(20) });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(4);
    messages.forEach(expectWithinLimits);
    const descriptions = allEmbeds(messages).map((embed) => embed.description ?? '');
    for (const description of descriptions.filter(Boolean)) expect(description.trimEnd()).toMatch(/[.…]$/u);
    expect(allEmbeds(messages)[0]?.title).not.toMatch(/@everyone/u);
    const last = messages[messages.length - 1]!;
    expect(last.components?.length).toBeGreaterThan(0);
    expect(
      last.embeds?.some((embed) => embed.fields?.some((field) => field.name.startsWith(SOURCES_FIELD_NAME))),
    ).toBe(true);
  });

  it('trims an answer beyond the message budget with an ellipsis instead of sending endless messages', () => {
    const answer: Answer = { ...defaultFakeAnswer({ question: 'q' }), text: 'word '.repeat(10_000) };
    const messages = formatAnswerMessages(answer, { maxMessages: 2 });
    expect(messages.length).toBeLessThanOrEqual(3);
    messages.forEach(expectWithinLimits);
    const text = allEmbeds(messages)
      .map((embed) => embed.description ?? '')
      .join('');
    expect(text.endsWith('…')).toBe(true);
  });

  it('neutralises mass mentions in the question and the answer text', () => {
    const answer: Answer = { ...defaultFakeAnswer({ question: '@here hi' }), text: 'Hello @everyone [1]' };
    const [message] = formatAnswerMessages(answer);
    const embed = message?.embeds?.[0];
    expect(embed?.title).not.toMatch(/@here/u);
    expect(embed?.description).not.toMatch(/@everyone/u);
  });

  it('marks a refusal as not covered, naming the missing terms, without sources', () => {
    const answer: Answer = {
      question: 'What about Mars?',
      answered: false,
      outcome: 'not-covered',
      language: 'en',
      text: 'The fact sheets do not cover that.',
      citations: [],
      missingTerms: ['mars'],
      answerer: 'fake',
      latencyMs: 1,
    };
    const [message] = formatAnswerMessages(answer);
    const embed = message?.embeds?.[0];
    expect(embed?.footer?.text).toMatch(/not covered/iu);
    expect(embed?.footer?.text).toContain('mars');
    expect(embed?.fields ?? []).toEqual([]);
    expect(message?.components).toBeUndefined();
  });
});
