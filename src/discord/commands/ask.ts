import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';

import type { AskRequest } from '../../core/types.js';
import { localizeInputError } from '../interactions/localize-input-error.js';
import { formatAnswerMessages } from '../presentation/answer-message.js';
import { catalogueForLocale, languageOfLocale } from '../presentation/reply-language.js';
import { sendResponse } from '../interactions/respond.js';
import type { Command } from './command.js';

/**
 * `/ask question:<text>`: an answer with inline `[n]` markers, its sources, and buttons for the exact
 * passages. A user whose Discord language is Japanese asks for Japanese; the answer's own labels follow
 * the language the core answered in (a Japanese question is answered in Japanese whatever the locale).
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
    const answering = services.core.ask(askRequest(question, interaction.locale)).catch((error: unknown) => {
      throw localizeInputError(
        error,
        catalogueForLocale(interaction.locale),
        question,
        services.config.maxQuestionLength,
      );
    });
    // Marked as handled so a failed deferral (the rejection below) cannot leave it unobserved; awaiting it still throws.
    answering.catch(() => undefined);
    await deferIfSlow(interaction, answering, services.deferAfterMs);
    const answer = await answering;
    const [first, ...rest] = formatAnswerMessages(answer, { question });
    if (first) await sendResponse(interaction, first);
    for (const message of rest) await interaction.followUp(message);
  },
} satisfies Command;

/** The core request: the preferred language only when the locale asks for Japanese (English is the default). */
function askRequest(question: string, locale: string): AskRequest {
  return languageOfLocale(locale) === 'ja' ? { question, language: 'ja' } : { question };
}

/**
 * Replies directly when the answer is quick; defers (Discord's "thinking…") once it has taken
 * `deferAfterMs`, well inside the 3 seconds Discord allows for the first response. A rejection of `work`
 * before then propagates, so input errors are still answered privately.
 */
async function deferIfSlow(
  interaction: ChatInputCommandInteraction,
  work: Promise<unknown>,
  deferAfterMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  try {
    const first = await Promise.race([work.then(() => 'done' as const), slow]);
    if (first === 'slow') await interaction.deferReply();
  } finally {
    clearTimeout(timer);
  }
}
