import type { Message, RepliableInteraction } from 'discord.js';

import { isKizunaError } from '../../core/errors.js';
import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { Logger } from '../../core/logger.js';
import { fitText } from '../presentation/fit-text.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import { neutralizeMentions, noMentions } from '../presentation/sanitize.js';
import { sendPrivateNotice } from './respond.js';

/**
 * The one place errors end. A `KizunaError` is meant for the user: its message is shown politely (and
 * privately where Discord allows). Anything else is logged with context and answered with a generic
 * message. Nothing is rethrown, so one failing interaction or message never stops the bot, and no stack
 * trace ever reaches a user. The generic message is in the user's language (their Discord locale);
 * a `KizunaError`'s message was already worded in it where it was thrown.
 */
export async function withInteractionBoundary(
  interaction: RepliableInteraction,
  logger: Logger,
  run: () => Promise<void>,
): Promise<void> {
  const say = catalogueForLocale(interaction.locale);
  await withNoticeBoundary(logger, 'interaction failed', run, say, (notice) =>
    sendPrivateNotice(interaction, notice),
  );
}

/**
 * The same boundary for a message the bot answers (mentions, follow-ups): the notice is a reply, in
 * `say`'s language (messages carry no locale: the caller decides it from the question's text).
 */
export async function withMessageBoundary(
  message: Message,
  logger: Logger,
  run: () => Promise<void>,
  say: MessageCatalogue = messages('en'),
): Promise<void> {
  await withNoticeBoundary(logger, 'message handling failed', run, say, async (notice) => {
    await message.reply({ content: notice, allowedMentions: noMentions() });
  });
}

async function withNoticeBoundary(
  logger: Logger,
  what: string,
  run: () => Promise<void>,
  say: MessageCatalogue,
  tell: (notice: string) => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const notice = noticeFor(error, logger, what, say);
    try {
      await tell(notice);
    } catch (replyError) {
      logger.warn({ err: replyError }, `could not tell the user: ${what}`);
    }
  }
}

/** Runs work whose failure must only be logged (autocomplete, background tasks). */
export async function withLoggedBoundary(
  logger: Logger,
  what: string,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    logger.error({ err: error }, what);
  }
}

function noticeFor(error: unknown, logger: Logger, what: string, say: MessageCatalogue): string {
  if (isKizunaError(error)) {
    logger.info({ code: error.code }, `${what}: told the user why`);
    return fitText(neutralizeMentions(error.message), DiscordLimits.messageContent);
  }
  logger.error({ err: error }, what);
  return say.genericFailure;
}
