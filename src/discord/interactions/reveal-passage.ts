import { MessageFlags, type ButtonInteraction } from 'discord.js';

import { formatPassageMessage } from '../presentation/passage-message.js';
import type { BotServices } from '../services.js';
import { sendPrivateNotice } from './respond.js';
import { PASSAGE_GONE_NOTICE } from './user-notices.js';

/** Shows the person who clicked the exact words of a cited passage, privately. */
export async function revealPassage(
  interaction: ButtonInteraction,
  passageId: string,
  services: BotServices,
): Promise<void> {
  const citation = services.core.citation(passageId);
  if (!citation) {
    await sendPrivateNotice(interaction, PASSAGE_GONE_NOTICE);
    return;
  }
  await interaction.reply({ ...formatPassageMessage(citation), flags: MessageFlags.Ephemeral });
}
