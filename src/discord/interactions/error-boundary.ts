import type { Message, RepliableInteraction } from 'discord.js';

import { isKizunaError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { fitText } from '../presentation/fit-text.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { neutralizeMentions, noMentions } from '../presentation/sanitize.js';
import { sendPrivateNotice } from './respond.js';
import { GENERIC_FAILURE_NOTICE } from './user-notices.js';

/**
 * The one place errors end. A `KizunaError` is meant for the user: its message is shown politely (and
 * privately where Discord allows). Anything else is logged with context and answered with a generic
 * message. Nothing is rethrown, so one failing interaction or message never stops the bot, and no stack
 * trace ever reaches a user.
 */
export async function withInteractionBoundary(
  interaction: RepliableInteraction,
  logger: Logger,
  run: () => Promise<void>,
): Promise<void> {
  await withNoticeBoundary(logger, 'interaction failed', run, (notice) =>
    sendPrivateNotice(interaction, notice),
  );
}

/** The same boundary for a message the bot answers (mentions, follow-ups): the notice is a reply. */
export async function withMessageBoundary(
  message: Message,
  logger: Logger,
  run: () => Promise<void>,
): Promise<void> {
  await withNoticeBoundary(logger, 'message handling failed', run, async (notice) => {
    await message.reply({ content: notice, allowedMentions: noMentions() });
  });
}

async function withNoticeBoundary(
  logger: Logger,
  what: string,
  run: () => Promise<void>,
  tell: (notice: string) => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const notice = noticeFor(error, logger, what);
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

function noticeFor(error: unknown, logger: Logger, what: string): string {
  if (isKizunaError(error)) {
    logger.info({ code: error.code }, `${what}: told the user why`);
    return fitText(neutralizeMentions(error.message), DiscordLimits.messageContent);
  }
  logger.error({ err: error }, what);
  return GENERIC_FAILURE_NOTICE;
}
