import { describe, expect, it } from 'vitest';

import {
  toConversationHistory,
  type HistoryMessage,
} from '../../../src/discord/conversation/conversation-history.js';

const BOT = '100000000000000001';
let nextId = 500000000000000000n;
const id = (): string => String((nextId += 1n));
const user = (content: string, authorId = '300000000000000003'): HistoryMessage => ({
  id: id(),
  authorId,
  authorIsBot: false,
  content,
  embedDescriptions: [],
});
const bot = (description: string | undefined, content = ''): HistoryMessage => ({
  id: id(),
  authorId: BOT,
  authorIsBot: true,
  content,
  embedDescriptions: description ? [description] : [],
});

describe('toConversationHistory', () => {
  it("makes the bot's answers assistant turns and people's messages user turns, mentions removed", () => {
    expect(
      toConversationHistory([user(`<@${BOT}> what about trade?`), bot('Trade is growing [1].')], BOT, 6),
    ).toEqual([
      { role: 'user', text: 'what about trade?' },
      { role: 'assistant', text: 'Trade is growing [1].' },
    ]);
  });

  it('leaves out other bots and the bot’s plain notices', () => {
    const other: HistoryMessage = {
      id: id(),
      authorId: '400000000000000004',
      authorIsBot: true,
      content: 'beep',
      embedDescriptions: [],
    };
    expect(
      toConversationHistory(
        [user('q'), other, bot(undefined, 'Follow-up questions here…'), bot('A')],
        BOT,
        6,
      ),
    ).toEqual([
      { role: 'user', text: 'q' },
      { role: 'assistant', text: 'A' },
    ]);
  });

  it('merges consecutive turns of one role (an answer split over messages, two people talking)', () => {
    expect(
      toConversationHistory(
        [user('a'), user('b', '500000000000000005'), bot('part 1'), bot('part 2')],
        BOT,
        6,
      ),
    ).toEqual([
      { role: 'user', text: 'a\nb' },
      { role: 'assistant', text: 'part 1\npart 2' },
    ]);
  });

  it('keeps only the last turns', () => {
    const messages = Array.from({ length: 10 }, (_, index) =>
      index % 2 === 0 ? user(`q${index}`) : bot(`a${index}`),
    );
    const history = toConversationHistory(messages, BOT, 6);
    expect(history).toHaveLength(6);
    expect(history[5]).toEqual({ role: 'assistant', text: 'a9' });
  });
});
