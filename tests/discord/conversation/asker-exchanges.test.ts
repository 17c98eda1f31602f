import { describe, expect, it } from 'vitest';

import { askerExchanges } from '../../../src/discord/conversation/asker-exchanges.js';
import type { HistoryMessage } from '../../../src/discord/conversation/conversation-history.js';

const BOT = '100';
const ALICE = '200';
const BOB = '300';
const message = (id: string, authorId: string, text: string, replyToId?: string): HistoryMessage => ({
  id,
  authorId,
  authorIsBot: authorId === BOT,
  content: authorId === BOT ? '' : text,
  embedDescriptions: authorId === BOT ? [text] : [],
  ...(replyToId ? { replyToId } : {}),
});
const ids = (messages: HistoryMessage[]): string[] => messages.map((kept) => kept.id);

describe('askerExchanges', () => {
  it("GIVEN another member's question in the thread THEN neither it nor the bot's answer to it is kept", () => {
    const thread = [
      message('1', ALICE, 'what did the 2018 sheet say about trade?'),
      message('2', BOT, 'Trade…', '1'),
      message('3', BOB, 'what about the F-35?'),
      message('4', BOT, 'F-35…', '3'),
      message('5', ALICE, 'and in 2019?'),
      message('6', BOT, '2019 trade…', '5'),
    ];
    expect(ids(askerExchanges(thread, ALICE, BOT))).toEqual(['1', '2', '5', '6']);
    expect(ids(askerExchanges(thread, BOB, BOT))).toEqual(['3', '4']);
  });

  it("GIVEN the thread's starter exchange was someone else's THEN it is left out", () => {
    const thread = [message('1', BOB, 'tell me about energy'), message('2', BOT, 'Energy…', '1')];
    expect(askerExchanges(thread, ALICE, BOT)).toEqual([]);
  });

  it('GIVEN a long answer sent as a reply plus plain continuation messages THEN the continuations are kept', () => {
    const thread = [
      message('1', ALICE, 'summarize the 2019 sheet'),
      message('2', BOT, 'part 1', '1'),
      message('3', BOT, 'part 2'),
      message('4', BOB, 'hi all'),
      message('5', BOT, 'a notice for nobody'),
    ];
    expect(ids(askerExchanges(thread, ALICE, BOT))).toEqual(['1', '2', '3']);
  });
});
