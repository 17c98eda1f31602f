import { ChannelType, ThreadAutoArchiveDuration, type Message } from 'discord.js';

import type { Logger } from '../../core/logger.js';
import type { ConversationTurn } from '../../core/types.js';
import { withMessageBoundary } from '../interactions/error-boundary.js';
import { formatAnswerMessages } from '../presentation/answer-message.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { fitText } from '../presentation/fit-text.js';
import { neutralizeMentions, noMentions } from '../presentation/sanitize.js';
import type { BotServices } from '../services.js';
import { replyChainHistory, threadHistory } from './collect-history.js';
import { keepTyping } from './keep-typing.js';
import { classifyMessage, type MessageFacts, type MessageTrigger } from './message-trigger.js';

/** Cooldown bucket shared with `/ask`: a mention is the same request by another route. */
export const ASK_COOLDOWN_BUCKET = 'ask';

/** Reply to a bare mention. */
export const EMPTY_MENTION_NOTICE =
  'Ask me something about the US–Japan alliance after the mention, e.g. "@Kizuna what did the 2019 fact sheet say about trade?"';

/** First message in a thread the bot starts, so people know they need no mention there. */
export const THREAD_WELCOME = 'Follow-up questions in this thread are answered without a mention.';

/**
 * Answers a message that mentions the bot (as a reply, continuing in a thread), a message in a thread
 * the bot started, or a reply to one of its messages; ignores everything else.
 */
export async function handleMessage(message: Message, services: BotServices): Promise<void> {
  const botUserId = message.client.user.id;
  const trigger = classifyMessage(factsOf(message, botUserId));
  if (trigger.kind === 'ignore') return;
  const logger = services.logger.child({
    messageId: message.id,
    userId: message.author.id,
    guildId: message.guildId ?? undefined,
    channelId: message.channelId,
    trigger: trigger.kind,
  });

  await withMessageBoundary(message, logger, async () => {
    if (!trigger.question) {
      // A bare mention gets a hint; an empty follow-up (an image, a sticker) is not a question.
      if (trigger.kind === 'question')
        await message.reply({ content: EMPTY_MENTION_NOTICE, allowedMentions: noMentions() });
      return;
    }
    const lease = services.cooldowns.acquire(
      message.author.id,
      ASK_COOLDOWN_BUCKET,
      services.config.discord.askCooldownSeconds,
    );
    const stopTyping = keepTyping(message.channel, logger);
    let reply: Message | undefined;
    try {
      const started = Date.now();
      const history = await historyFor(trigger, message, services.historyTurns, logger);
      const answer = await services.core.ask({ question: trigger.question, history });
      // Free the user as soon as the answer exists: their next message may arrive before our reply returns.
      lease.release();
      const [first, ...rest] = formatAnswerMessages(answer, { question: trigger.question });
      if (!first) return;
      reply = await message.reply(first);
      for (const part of rest) await sendInChannel(message, part);
      logger.info(
        { ms: Date.now() - started, historyTurns: history.length, answered: answer.answered },
        'message answered',
      );
    } finally {
      stopTyping();
      lease.release();
    }
    if (reply && trigger.kind === 'question' && trigger.startThread)
      await continueInThread(reply, trigger.question, logger);
  });
}

/** The facts {@link classifyMessage} needs, read from a discord.js message. */
export function factsOf(message: Message, botUserId: string): MessageFacts {
  const channel = message.channel;
  const inThread = channel.isThread();
  return {
    botUserId,
    fromBotOrSystem: message.author.bot || message.system || message.webhookId !== null,
    content: message.content,
    mentionsBot:
      message.mentions.users.has(botUserId) ||
      message.mentions.roles.some((role) => role.tags?.botId === botUserId),
    repliesToBot: message.reference !== null && message.mentions.repliedUser?.id === botUserId,
    inThread,
    inBotThread: inThread && channel.ownerId === botUserId,
    threadsAllowed: channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement,
  };
}

async function historyFor(
  trigger: MessageTrigger,
  message: Message,
  maxTurns: number,
  logger: Logger,
): Promise<ConversationTurn[]> {
  if (trigger.kind === 'thread-follow-up' && message.channel.isThread()) {
    return threadHistory(message, message.channel, maxTurns, logger);
  }
  if (trigger.kind === 'reply-follow-up') return replyChainHistory(message, maxTurns, logger);
  return [];
}

async function sendInChannel(message: Message, part: Parameters<Message['reply']>[0]): Promise<void> {
  const channel = message.channel;
  if (channel.isSendable()) await channel.send(part);
}

/** Starts a thread on the bot's answer, so follow-ups need no mention. A failure here only loses the thread. */
async function continueInThread(answer: Message, question: string, logger: Logger): Promise<void> {
  try {
    const thread = await answer.startThread({
      name: fitText(neutralizeMentions(question.replace(/\s+/gu, ' ')), DiscordLimits.threadName) || 'Kizuna',
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    await thread.send({ content: THREAD_WELCOME, allowedMentions: noMentions() });
  } catch (error) {
    logger.warn(
      { err: error },
      'could not start a follow-up thread (missing Create Public Threads permission?)',
    );
  }
}
