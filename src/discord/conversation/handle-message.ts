import { ChannelType, ThreadAutoArchiveDuration, type Message } from 'discord.js';

import { detectLanguage } from '../../core/language/detect-language.js';
import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { Logger } from '../../core/logger.js';
import type { ConversationTurn } from '../../core/types.js';
import { recordAndDecorate, serverSettings } from '../community/answer-community.js';
import { inAnswerChannel } from '../community/answer-channels.js';
import { withMessageBoundary } from '../interactions/error-boundary.js';
import { localizeInputError } from '../interactions/localize-input-error.js';
import { formatAnswerMessages } from '../presentation/answer-message.js';
import { formatDraftMessage } from '../presentation/draft-message.js';
import { canEmbedInChannelOf } from '../presentation/embed-permission.js';
import { toPlainTextMessage, toPlainTextMessages } from '../presentation/plain-text-message.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { fitText } from '../presentation/fit-text.js';
import { neutralizeMentions, noMentions } from '../presentation/sanitize.js';
import type { BotServices } from '../services.js';
import { answersWithModel } from '../streaming/answers-with-model.js';
import { createLiveAnswer } from '../streaming/live-answer.js';
import { botRoleIdsOf } from './bot-role-ids.js';
import { replyChainHistory, threadHistory } from './collect-history.js';
import { keepTyping } from './keep-typing.js';
import { classifyMessage, type MessageFacts, type MessageTrigger } from './message-trigger.js';

/** Cooldown bucket shared with `/ask`: a mention is the same request by another route. */
export const ASK_COOLDOWN_BUCKET = 'ask';

/** Reply to a bare mention, in English (the words live in the core's message catalogue). */
export const EMPTY_MENTION_NOTICE = messages('en').emptyMention;

/** First message in a thread the bot starts, so people know they need no mention there (English). */
export const THREAD_WELCOME = messages('en').threadWelcome;

/**
 * Answers a message that mentions the bot (by its user or its managed role; as a reply, continuing in a
 * thread), a message in a thread the bot started, or a reply to one of its messages; ignores everything
 * else. A message has no locale, so notices before the answer (cooldown, bad question) follow the
 * question's language, and the answer's labels and the thread welcome follow the answer's. With a model
 * answerer the reply streams (posted with the first verified sentence, edited at most once a second, then
 * the final edit with the sources), as `/ask` does. Where Kizuna may not embed (Embed Links denied), the
 * same words and sources come as plain Markdown text.
 */
export async function handleMessage(message: Message, services: BotServices): Promise<void> {
  const botUserId = message.client.user.id;
  const botRoleIds = botRoleIdsOf(message, botUserId);
  const settings = await serverSettings(services, message.guildId);
  const trigger = classifyMessage({
    ...factsOf(message, botUserId, botRoleIds),
    inAnswerChannel: inAnswerChannel(message, settings),
  });
  if (trigger.kind === 'ignore') return;
  const logger = services.logger.child({
    messageId: message.id,
    userId: message.author.id,
    guildId: message.guildId ?? undefined,
    channelId: message.channelId,
    trigger: trigger.kind,
  });

  const say = noticeCatalogue(trigger.question);
  let answerSay = say;
  await withMessageBoundary(
    message,
    logger,
    async () => {
      if (!trigger.question) {
        // A bare mention gets a hint; an empty follow-up (an image, a sticker) is not a question.
        if (trigger.kind === 'question')
          await message.reply({ content: say.emptyMention, allowedMentions: noMentions() });
        return;
      }
      const lease = services.cooldowns.acquire(
        message.author.id,
        ASK_COOLDOWN_BUCKET,
        settings.cooldownSeconds ?? services.config.discord.askCooldownSeconds,
        say,
      );
      const stopTyping = keepTyping(message.channel, logger);
      let reply: Message | undefined;
      try {
        const started = Date.now();
        const history = await historyFor(trigger, message, services.historyTurns, logger, botRoleIds);
        const question = trigger.question;
        // A channel that denies Embed Links gets the same answer as Markdown text rather than a 403.
        const embeds = canEmbedInChannelOf(message);
        // With a model the answer streams into one reply: posted with the first verified text, then edited.
        const live = answersWithModel(services.core)
          ? createLiveAnswer(
              async (text) => {
                const formattedDraft = formatDraftMessage(text, { question, language: say.language });
                const draft = embeds ? formattedDraft : toPlainTextMessage(formattedDraft);
                reply = reply ? await reply.edit(draft) : await message.reply(draft);
              },
              { logger },
            )
          : undefined;
        const answer = await services.core
          .ask({
            question,
            history,
            ...(settings.language && { language: settings.language }),
            ...(live && { onVerifiedText: live.onVerifiedText }),
          })
          // The last draft must land before the final answer replaces it.
          .finally(() => live?.close())
          .catch((error: unknown) => {
            throw localizeInputError(error, say, question, services.config.maxQuestionLength);
          });
        answerSay = messages(answer.language);
        // Free the user as soon as the answer exists: their next message may arrive before our reply returns.
        lease.release();
        const formatted = recordAndDecorate(
          services,
          { guildId: message.guildId, userId: message.author.id, question },
          answer,
          formatAnswerMessages(answer, { question }),
          settings,
        );
        const [first, ...rest] = embeds ? formatted : toPlainTextMessages(formatted);
        if (!first) return;
        reply = reply ? await reply.edit(first) : await message.reply(first);
        for (const part of rest) await sendInChannel(message, part);
        logger.info(
          {
            ms: Date.now() - started,
            historyTurns: history.length,
            outcome: answer.outcome,
            language: answer.language,
          },
          'message answered',
        );
      } finally {
        stopTyping();
        lease.release();
      }
      if (reply && trigger.kind === 'question' && trigger.startThread && settings.mentionThreads)
        await continueInThread(reply, trigger.question, answerSay, logger);
    },
    say,
  );
}

/** Notices before there is an answer speak the question's language: Japanese text, Japanese notices. */
function noticeCatalogue(question: string): MessageCatalogue {
  return messages(question && detectLanguage(question) === 'ja' ? 'ja' : 'en');
}

/** The facts {@link classifyMessage} needs, read from a discord.js message. */
export function factsOf(
  message: Message,
  botUserId: string,
  botRoleIds: readonly string[] = [],
): MessageFacts {
  const channel = message.channel;
  const inThread = channel.isThread();
  return {
    botUserId,
    botRoleIds,
    fromBotOrSystem: message.author.bot || message.system || message.webhookId !== null,
    content: message.content,
    mentionsBot:
      message.mentions.users.has(botUserId) ||
      message.mentions.roles.some((role) => botRoleIds.includes(role.id) || role.tags?.botId === botUserId),
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
  botRoleIds: readonly string[],
): Promise<ConversationTurn[]> {
  if (trigger.kind === 'thread-follow-up' && message.channel.isThread()) {
    return threadHistory(message, message.channel, maxTurns, logger, botRoleIds);
  }
  if (trigger.kind === 'reply-follow-up') return replyChainHistory(message, maxTurns, logger, botRoleIds);
  return [];
}

async function sendInChannel(message: Message, part: Parameters<Message['reply']>[0]): Promise<void> {
  const channel = message.channel;
  if (channel.isSendable()) await channel.send(part);
}

/** Starts a thread on the bot's answer, so follow-ups need no mention. A failure here only loses the thread. */
async function continueInThread(
  answer: Message,
  question: string,
  say: MessageCatalogue,
  logger: Logger,
): Promise<void> {
  try {
    const thread = await answer.startThread({
      name: fitText(neutralizeMentions(question.replace(/\s+/gu, ' ')), DiscordLimits.threadName) || 'Kizuna',
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    await thread.send({ content: say.threadWelcome, allowedMentions: noMentions() });
  } catch (error) {
    logger.warn(
      { err: error },
      'could not start a follow-up thread (missing Create Public Threads permission?)',
    );
  }
}
