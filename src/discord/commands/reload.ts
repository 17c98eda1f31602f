import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';

import { formatReloadReport } from '../presentation/reload-report-message.js';
import { ADMIN_DEFAULT_PERMISSIONS } from './admin-defaults.js';
import type { Command } from './command.js';

/** `/reload` (admins): rebuilds the knowledge base everywhere and reports what changed, or why it failed. */
export const reloadCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('reload')
      .setNameLocalizations({ ja: '再読み込み' })
      .setDescription('Admins: rebuild the knowledge base from the fact sheet files')
      .setDescriptionLocalizations({ ja: '管理者用：ファクトシートのファイルから知識ベースを再構築します' })
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(ADMIN_DEFAULT_PERMISSIONS),
  adminOnly: true,
  async execute(interaction, services) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const outcomes = await services.reloadEverywhere();
    await interaction.editReply(formatReloadReport(outcomes));
  },
} satisfies Command;
