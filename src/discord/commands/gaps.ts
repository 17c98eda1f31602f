import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';

import { StorageUnavailableError } from '../../storage/storage-unavailable.js';
import { communityMessages } from '../community/community-messages.js';
import { formatGapsMessage } from '../community/community-presentation.js';
import { languageOfLocale } from '../presentation/reply-language.js';
import { sendPrivateNotice } from '../interactions/respond.js';
import { ADMIN_DEFAULT_PERMISSIONS } from './admin-defaults.js';
import type { Command } from './command.js';

/** Days `/gaps` covers when none are given. */
export const DEFAULT_GAPS_DAYS = 30;

/**
 * `/gaps [days]` (admins): for this server over the last `days` (default 30), the refused questions grouped
 * by what the fact sheets were missing, the most 👎'd answers with their reasons, and the totals (asked,
 * answered, refused, 👍, 👎). The list an admin reads to decide which document to add next. Private.
 */
export const gapsCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('gaps')
      .setNameLocalizations({ ja: 'カバレッジ' })
      .setDescription("Admins: questions Kizuna couldn't answer, and answers people marked 👎")
      .setDescriptionLocalizations({ ja: '管理者用：回答できなかった質問と 👎 の多い回答を表示します' })
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(ADMIN_DEFAULT_PERMISSIONS)
      .addIntegerOption((option) =>
        option
          .setName('days')
          .setNameLocalizations({ ja: '日数' })
          .setDescription(`How many days back (default ${DEFAULT_GAPS_DAYS})`)
          .setDescriptionLocalizations({ ja: `何日前まで（既定 ${DEFAULT_GAPS_DAYS}）` })
          .setMinValue(1)
          .setMaxValue(365),
      ),
  adminOnly: true,
  async execute(interaction, services) {
    const say = communityMessages(languageOfLocale(interaction.locale));
    const days = interaction.options.getInteger('days') ?? DEFAULT_GAPS_DAYS;
    const guildId = interaction.guildId;
    if (!services.community || guildId === null)
      return sendPrivateNotice(interaction, say.storageUnavailable);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const report = await services.community.gaps({ guildId, since: Date.now() - days * 86_400_000 });
      await interaction.editReply(formatGapsMessage(report, days, say));
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      services.logger.warn({ err: { message: error.message } }, '/gaps: storage unavailable');
      await sendPrivateNotice(interaction, say.storageUnavailable);
    }
  },
} satisfies Command;
