import type { ConversationTurn } from '../../core/types.js';
import { stripBotMentions } from './message-trigger.js';

/** A Discord message reduced to what a conversation turn needs. */
export interface HistoryMessage {
  readonly id: string;
  readonly authorId: string;
  readonly authorIsBot: boolean;
  readonly content: string;
  /** Descriptions of the message's embeds: where the bot's answers live. */
  readonly embedDescriptions: readonly string[];
  /** The message this one replies to, if any: how the bot's answers are tied to their questions. */
  readonly replyToId?: string;
}

/** Longest text kept per turn, so a few long turns cannot crowd out the question. */
export const MAX_TURN_LENGTH = 1500;

/**
 * Turns a conversation's messages (oldest first) into the core's history: the bot's answers are
 * assistant turns, people's messages user turns (without the bot's user or managed-role mention), other
 * bots and the bot's notices (plain text, no answer embed) are left out. Consecutive turns of one role are
 * merged, and only the last `maxTurns` are kept.
 */
export function toConversationHistory(
  messages: readonly HistoryMessage[],
  botUserId: string,
  maxTurns: number,
  botRoleIds: readonly string[] = [],
): ConversationTurn[] {
  const turns: { role: ConversationTurn['role']; text: string }[] = [];
  for (const message of messages) {
    const turn = toTurn(message, botUserId, botRoleIds);
    if (!turn) continue;
    const previous = turns[turns.length - 1];
    if (previous && previous.role === turn.role)
      previous.text = `${previous.text}\n${turn.text}`.slice(0, MAX_TURN_LENGTH);
    else turns.push(turn);
  }
  return maxTurns > 0 ? turns.slice(-maxTurns) : [];
}

function toTurn(
  message: HistoryMessage,
  botUserId: string,
  botRoleIds: readonly string[],
): { role: ConversationTurn['role']; text: string } | undefined {
  if (message.authorId === botUserId) {
    const text = message.embedDescriptions.join('\n').trim();
    return text ? { role: 'assistant', text: text.slice(0, MAX_TURN_LENGTH) } : undefined;
  }
  if (message.authorIsBot) return undefined;
  const text = stripBotMentions(message.content, botUserId, botRoleIds);
  return text ? { role: 'user', text: text.slice(0, MAX_TURN_LENGTH) } : undefined;
}
