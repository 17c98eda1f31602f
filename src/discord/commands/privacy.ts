import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';

import { StorageUnavailableError } from '../../storage/storage-unavailable.js';
import { communityMessages } from '../community/community-messages.js';
import { formatPrivacyMessage } from '../community/community-presentation.js';
import { sendPrivateNotice } from '../interactions/respond.js';
import { languageOfLocale } from '../presentation/reply-language.js';
import type { Command } from './command.js';

/**
 * `/privacy` (everyone): what Kizuna stores, for how long and why, and how much of it is about you;
 * `/privacy delete`: deletes everything stored about you (your recorded questions and your votes, in every
 * server). Private.
 */
export const privacyCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('privacy')
      .setNameLocalizations({ ja: 'プライバシー' })
      .setDescription('What Kizuna stores about you, and deleting it')
      .setDescriptionLocalizations({ ja: 'Kizuna が保存するデータの確認と削除' })
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .addSubcommand((sub) =>
        sub
          .setName('show')
          .setNameLocalizations({ ja: '表示' })
          .setDescription('What is stored, for how long and why, and how much of it is about you')
          .setDescriptionLocalizations({ ja: '保存されるもの、期間、目的、あなたに関するデータの量' }),
      )
      .addSubcommand((sub) =>
        sub
          .setName('delete')
          .setNameLocalizations({ ja: '削除' })
          .setDescription('Delete everything Kizuna stores about you')
          .setDescriptionLocalizations({ ja: 'あなたに関する保存データをすべて削除します' }),
      ),
  async execute(interaction, services) {
    const say = communityMessages(languageOfLocale(interaction.locale));
    const retentionDays = services.config.storage.retentionDays;
    const community = services.community;
    const deleting = interaction.options.getSubcommand(false) === 'delete';
    if (!community) {
      await interaction.reply({
        ...formatPrivacyMessage(retentionDays, undefined, say, say.storageUnavailable),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      if (deleting) {
        const deleted = await community.deleteUser(interaction.user.id);
        services.logger.info('member data deleted on request');
        await interaction.editReply({ content: say.privacyDeleted(deleted.questions, deleted.votes) });
        return;
      }
      const mine = await community.aboutUser(interaction.user.id);
      await interaction.editReply(formatPrivacyMessage(retentionDays, mine, say));
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      await sendPrivateNotice(interaction, say.storageUnavailable);
    }
  },
} satisfies Command;
