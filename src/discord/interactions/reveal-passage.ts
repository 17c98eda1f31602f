import { MessageFlags, type ButtonInteraction } from 'discord.js';

import { formatPassageMessage } from '../presentation/passage-message.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import type { BotServices } from '../services.js';
import { sendPrivateNotice } from './respond.js';

/** Shows the person who clicked the exact words of a cited passage, privately, labelled in their language. */
export async function revealPassage(
  interaction: ButtonInteraction,
  passageId: string,
  services: BotServices,
): Promise<void> {
  const say = catalogueForLocale(interaction.locale);
  const citation = services.core.citation(passageId);
  if (!citation) {
    await sendPrivateNotice(interaction, say.passageGone);
    return;
  }
  await interaction.reply({ ...formatPassageMessage(citation, say), flags: MessageFlags.Ephemeral });
}
