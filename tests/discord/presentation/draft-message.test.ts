import { describe, expect, it } from 'vitest';

import {
  formatDraftMessage,
  stripMarkers,
  WRITING_LABEL,
} from '../../../src/discord/presentation/draft-message.js';

describe('formatDraftMessage (a streamed answer while it is being written)', () => {
  it('GIVEN verified text THEN it shows that text under the question with a "writing…" footer, without markers', () => {
    const message = formatDraftMessage('Reiwa means "beautiful harmony" [7]. It began in May [3][4].', {
      question: 'What does Reiwa mean?',
      language: 'en',
    });
    const [embed] = message.embeds ?? [];
    expect(embed?.title).toBe('What does Reiwa mean?');
    expect(embed?.description).toBe('Reiwa means "beautiful harmony". It began in May.');
    expect(embed?.footer?.text).toBe(WRITING_LABEL.en);
  });

  it('GIVEN no text yet THEN only the "writing…" state is shown', () => {
    const [embed] = formatDraftMessage('', { question: 'q', language: 'en' }).embeds ?? [];
    expect(embed?.description).toBe(WRITING_LABEL.en);
    expect(embed?.footer).toBeUndefined();
  });

  it('GIVEN a Japanese user THEN the "writing…" state is in Japanese', () => {
    const [embed] = formatDraftMessage('', { question: '令和とは', language: 'ja' }).embeds ?? [];
    expect(embed?.description).toMatch(/作成中/u);
  });

  it('THEN it has no sources, no buttons, and pings nobody even if the text tries', () => {
    const message = formatDraftMessage('Hello @everyone <@123> [1].', {
      question: '@here q',
      language: 'en',
    });
    const [embed] = message.embeds ?? [];
    expect(embed?.fields ?? []).toEqual([]);
    expect(message.components).toEqual([]);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(`${embed?.title} ${embed?.description}`).not.toMatch(/@everyone|@here|<@123>/u);
  });

  it('GIVEN a very long text THEN the description stays within Discord limits', () => {
    const [embed] = formatDraftMessage('word '.repeat(2000), { question: 'q', language: 'en' }).embeds ?? [];
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
  });
});

describe('stripMarkers', () => {
  it('removes markers and the space before them, keeping punctuation and line breaks', () => {
    expect(stripMarkers('One [1]. Two [2][3].\n• Three [4]')).toBe('One. Two.\n• Three');
  });
});
