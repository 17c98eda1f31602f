import { InteractionContextType, SlashCommandBuilder } from 'discord.js';

import { detectLanguage } from '../../core/language/detect-language.js';
import type { ReplyLanguage } from '../../core/language/messages.js';
import type { AskRequest } from '../../core/types.js';
import { recordAndDecorate, serverSettings } from '../community/answer-community.js';
import { localizeInputError } from '../interactions/localize-input-error.js';
import { formatAnswerMessages } from '../presentation/answer-message.js';
import { catalogueForLocale, languageOfLocale } from '../presentation/reply-language.js';
import { sendResponse } from '../interactions/respond.js';
import { formatDraftMessage } from '../presentation/draft-message.js';
import { canEmbedForInteraction } from '../presentation/embed-permission.js';
import { toPlainTextMessage, toPlainTextMessages } from '../presentation/plain-text-message.js';
import { answersWithModel } from '../streaming/answers-with-model.js';
import { createLiveAnswer } from '../streaming/live-answer.js';
import type { Command } from './command.js';

/**
 * `/ask question:<text>`: an answer with inline `[n]` markers, its sources, and buttons for the exact
 * passages. A user whose Discord language is Japanese asks for Japanese; the answer's own labels follow
 * the language the core answered in (a Japanese question is answered in Japanese whatever the locale).
 * With a model answerer the reply streams: "writing…", then the verified text so far (at most one edit a
 * second), then the final edit with the sources and buttons. The offline answerer replies in one go.
 */
export const askCommand = {
  data: ({ maxQuestionLength }) =>
    new SlashCommandBuilder()
      .setName('ask')
      .setNameLocalizations({ ja: '質問' })
      .setDescription('Ask about the US–Japan alliance; answered from White House fact sheets, with sources')
      .setDescriptionLocalizations({
        ja: '日米同盟について質問します（ホワイトハウスのファクトシートに基づき出典付きで回答）',
      })
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .addStringOption((option) =>
        option
          .setName('question')
          .setNameLocalizations({ ja: '質問内容' })
          .setDescription('Your question, e.g. "What did the 2019 fact sheet say about trade?"')
          .setDescriptionLocalizations({
            ja: '質問の内容（例：2019年のファクトシートは貿易について何と述べていますか？）',
          })
          .setRequired(true)
          .setMaxLength(maxQuestionLength),
      ),
  cooldown: true,
  async execute(interaction, services) {
    const question = interaction.options.getString('question', true);
    const settings = await serverSettings(services, interaction.guildId);
    const request = askRequest(question, interaction.locale, settings.language);
    const defer = once(() => interaction.deferReply());
    // A channel that denies Embed Links gets the same answer as Markdown text rather than a 403.
    const embeds = canEmbedForInteraction(interaction);
    const live = answersWithModel(services.core)
      ? createLiveAnswer(
          async (text) => {
            // A draft may be ready before the deferral below: the reply must exist before it is edited.
            await defer();
            const draft = formatDraftMessage(text, { question, language: draftLanguage(question, request) });
            await interaction.editReply(embeds ? draft : toPlainTextMessage(draft));
          },
          { logger: services.logger.child({ interactionId: interaction.id, command: 'ask' }) },
        )
      : undefined;
    const answering = services.core
      .ask(live ? { ...request, onVerifiedText: live.onVerifiedText } : request)
      // The last draft edit must land before the final answer (or an error notice) replaces it.
      .finally(() => live?.close())
      .catch((error: unknown) => {
        throw localizeInputError(
          error,
          catalogueForLocale(interaction.locale),
          question,
          services.config.maxQuestionLength,
        );
      });
    // Marked as handled so a failed deferral (the rejection below) cannot leave it unobserved; awaiting it still throws.
    answering.catch(() => undefined);
    if (await deferIfSlow(answering, services.deferAfterMs, defer)) live?.showWriting();
    const answer = await answering;
    const formatted = recordAndDecorate(
      services,
      { guildId: interaction.guildId, userId: interaction.user.id, question },
      answer,
      formatAnswerMessages(answer, { question }),
      settings,
    );
    const [first, ...rest] = embeds ? formatted : toPlainTextMessages(formatted);
    // discord.js counts a draft edit as the reply; the final answer must still replace the drafts, not follow them.
    if (first)
      await (live && interaction.deferred ? interaction.editReply(first) : sendResponse(interaction, first));
    for (const message of rest) await interaction.followUp(message);
  },
} satisfies Command;

/**
 * The core request: Japanese when the locale asks for it; otherwise the server's default reply language
 * when it set one (`/settings language`); otherwise none (English is the default).
 */
function askRequest(question: string, locale: string, serverLanguage?: 'en' | 'ja'): AskRequest {
  if (languageOfLocale(locale) === 'ja') return { question, language: 'ja' };
  return serverLanguage ? { question, language: serverLanguage } : { question };
}

/** The language of the "writing…" state: the one the answer will most likely be in. */
function draftLanguage(question: string, request: AskRequest): ReplyLanguage {
  return request.language === 'ja' || detectLanguage(question) === 'ja' ? 'ja' : 'en';
}

/**
 * Replies directly when the answer is quick; defers (Discord's "thinking…") once it has taken
 * `deferAfterMs`, well inside the 3 seconds Discord allows for the first response. A rejection of `work`
 * before then propagates, so input errors are still answered privately. Resolves true when it deferred.
 */
async function deferIfSlow(
  work: Promise<unknown>,
  deferAfterMs: number,
  defer: () => Promise<unknown>,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  try {
    const first = await Promise.race([work.then(() => 'done' as const), slow]);
    if (first === 'done') return false;
    await defer();
    return true;
  } finally {
    clearTimeout(timer);
  }
}

/** Calls `action` the first time only; later calls get the same promise (a reply can be deferred once). */
function once<T>(action: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= action());
}
