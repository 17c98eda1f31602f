import type { Message, ThreadChannel } from 'discord.js';

import type { Logger } from '../../core/logger.js';
import type { ConversationTurn } from '../../core/types.js';
import { askerExchanges } from './asker-exchanges.js';
import { toConversationHistory, type HistoryMessage } from './conversation-history.js';

/** How many earlier thread messages are read to find the last few turns. */
const THREAD_MESSAGES_READ = 25;

/**
 * The context of a follow-up in a thread the bot started, read from Discord (not from memory, so a
 * restart loses nothing) and from nowhere but the thread: the asker's own exchanges with the bot among
 * the question in the parent channel, the bot's answer the thread was started on, and the thread's
 * messages before this one (see {@link askerExchanges}).
 */
export async function threadHistory(
  message: Message,
  thread: ThreadChannel,
  maxTurns: number,
  logger: Logger,
  botRoleIds: readonly string[] = [],
): Promise<ConversationTurn[]> {
  const collected: Message[] = [];
  try {
    const starter = await thread.fetchStarterMessage();
    if (starter) {
      const question = await referencedMessage(starter);
      if (question) collected.push(question);
      collected.push(starter);
    }
  } catch (error) {
    logger.debug(
      { err: error, threadId: thread.id },
      'thread starter message unavailable; continuing without it',
    );
  }
  try {
    const earlier = await thread.messages.fetch({ before: message.id, limit: THREAD_MESSAGES_READ });
    collected.push(...earlier.values());
  } catch (error) {
    logger.warn(
      { err: error, threadId: thread.id },
      'could not read the thread history; answering without it',
    );
  }
  const botUserId = message.client.user.id;
  const exchanges = askerExchanges(oldestFirst(collected), message.author.id, botUserId);
  return toConversationHistory(exchanges, botUserId, maxTurns, botRoleIds);
}

/**
 * The context of a reply to one of the bot's messages: the chain of replies it answers, walked upwards
 * (bot answer → the question it replied to → …) up to `maxTurns` messages.
 */
export async function replyChainHistory(
  message: Message,
  maxTurns: number,
  logger: Logger,
  botRoleIds: readonly string[] = [],
): Promise<ConversationTurn[]> {
  const chain: Message[] = [];
  let current = await referencedMessage(message);
  while (current && chain.length < maxTurns) {
    chain.push(current);
    current = await referencedMessage(current);
  }
  if (chain.length === 0) logger.debug('replied-to message unavailable; answering without context');
  return toConversationHistory(oldestFirst(chain), message.client.user.id, maxTurns, botRoleIds);
}

/** A discord.js message reduced to a {@link HistoryMessage}. */
export function toHistoryMessage(message: Message): HistoryMessage {
  const replyToId = message.reference?.messageId;
  return {
    id: message.id,
    authorId: message.author.id,
    authorIsBot: message.author.bot,
    content: message.content,
    embedDescriptions: message.embeds
      .map((embed) => embed.description ?? '')
      .filter((text) => text.length > 0),
    ...(replyToId ? { replyToId } : {}),
  };
}

async function referencedMessage(message: Message): Promise<Message | undefined> {
  if (!message.reference?.messageId) return undefined;
  try {
    return await message.fetchReference();
  } catch {
    return undefined;
  }
}

function oldestFirst(messages: readonly Message[]): HistoryMessage[] {
  const unique = new Map(messages.map((message) => [message.id, message]));
  return [...unique.values()]
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0))
    .map(toHistoryMessage);
}
