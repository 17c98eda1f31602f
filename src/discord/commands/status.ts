import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';

import { replyWithEmbedsOrText } from '../interactions/respond.js';
import { formatStatusMessage } from '../presentation/status-message.js';
import { ADMIN_DEFAULT_PERMISSIONS } from './admin-defaults.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import type { Command } from './command.js';

/** `/status` (admins): fingerprint, counts, models, uptime, last reload, questions answered and refused. */
export const statusCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('status')
      .setNameLocalizations({ ja: '状態' })
      .setDescription("Admins: Kizuna's knowledge, models, uptime and counters")
      .setDescriptionLocalizations({
        ja: '管理者用：知識ベース、モデル、稼働時間、質問数などの状態を表示します',
      })
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(ADMIN_DEFAULT_PERMISSIONS),
  adminOnly: true,
  async execute(interaction, services) {
    const shard = interaction.client.shard;
    const storage = services.storageHealth();
    const message = formatStatusMessage(
      services.core.status(),
      {
        ...(shard ? { shardIds: shard.ids, shardCount: shard.count } : {}),
        ...(storage ? { storage } : {}),
      },
      catalogueForLocale(interaction.locale),
    );
    await replyWithEmbedsOrText(interaction, message, MessageFlags.Ephemeral);
  },
} satisfies Command;
