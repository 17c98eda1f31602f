import type { HistoryMessage } from './conversation-history.js';

/**
 * The part of a thread that is one person's conversation with the bot: their own messages, the bot's
 * replies to them, and the unreferenced continuation parts of such a reply (a long answer is sent as a
 * reply followed by plain messages). Everyone else's questions, and the bot's answers to those, are
 * left out, so another member's unrelated question in the same thread is never merged into this one.
 * The thread's starter exchange (the question in the parent channel and the answer the thread hangs on)
 * is kept only when the question was the asker's, by the same rule.
 *
 * @param messages the thread's messages, oldest first
 */
export function askerExchanges(
  messages: readonly HistoryMessage[],
  askerId: string,
  botUserId: string,
): HistoryMessage[] {
  const askerMessageIds = new Set<string>();
  const kept: HistoryMessage[] = [];
  // True right after a kept bot reply: plain bot messages that follow belong to the same answer.
  let continuing = false;
  for (const message of messages) {
    if (message.authorId === askerId) {
      askerMessageIds.add(message.id);
      kept.push(message);
      continuing = false;
    } else if (message.authorId === botUserId && message.replyToId !== undefined) {
      continuing = askerMessageIds.has(message.replyToId);
      if (continuing) kept.push(message);
    } else if (message.authorId === botUserId && continuing) {
      kept.push(message);
    } else {
      continuing = false;
    }
  }
  return kept;
}
