import { InteractionContextType, SlashCommandBuilder } from 'discord.js';

import { replyWithEmbedsOrText } from '../interactions/respond.js';
import { formatSourcesMessage } from '../presentation/sources-message.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import type { Command } from './command.js';

/** `/sources`: the fact sheets with their dates and passage counts. */
export const sourcesCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('sources')
      .setNameLocalizations({ ja: '出典' })
      .setDescription('The fact sheets Kizuna answers from, with their dates and passage counts')
      .setDescriptionLocalizations({ ja: '回答の根拠となるファクトシートの一覧（日付と項目数）' })
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  async execute(interaction, services) {
    await replyWithEmbedsOrText(
      interaction,
      formatSourcesMessage(services.core.sources(), catalogueForLocale(interaction.locale)),
    );
  },
} satisfies Command;
