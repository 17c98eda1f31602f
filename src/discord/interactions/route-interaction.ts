import type { ChatInputCommandInteraction, Interaction } from 'discord.js';

import type { Command } from '../commands/command.js';
import { parseFeedbackCustomId } from '../community/feedback-custom-id.js';
import { handleFeedbackButton, handleFeedbackModal } from '../community/handle-feedback.js';
import { serverSettings } from '../community/answer-community.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import type { BotServices } from '../services.js';
import { withInteractionBoundary, withLoggedBoundary } from './error-boundary.js';
import { passageIdFromCustomId } from './passage-custom-id.js';
import { assertAdmin } from './permissions.js';
import { requesterOf } from './requester.js';
import { sendPrivateNotice } from './respond.js';
import { revealPassage } from './reveal-passage.js';

/** Sends each interaction to its handler, inside the error boundary. Never throws. */
export async function routeInteraction(
  interaction: Interaction,
  registry: ReadonlyMap<string, Command>,
  services: BotServices,
): Promise<void> {
  const logger = services.logger.child({
    interactionId: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId ?? undefined,
    ...('commandName' in interaction ? { command: interaction.commandName } : {}),
    ...('customId' in interaction ? { customId: interaction.customId } : {}),
  });
  const scoped: BotServices = { ...services, logger };

  if (interaction.isChatInputCommand()) {
    await withInteractionBoundary(interaction, logger, () => runCommand(interaction, registry, scoped));
  } else if (interaction.isAutocomplete()) {
    await withLoggedBoundary(logger, 'autocomplete failed', async () => {
      const command = registry.get(interaction.commandName);
      try {
        if (command?.autocomplete) await command.autocomplete(interaction, scoped);
        else await interaction.respond([]);
      } finally {
        // No suggestions beats a spinner that never ends.
        if (!interaction.responded) await interaction.respond([]);
      }
    });
  } else if (interaction.isButton()) {
    const passageId = passageIdFromCustomId(interaction.customId);
    const feedback = parseFeedbackCustomId(interaction.customId);
    await withInteractionBoundary(interaction, logger, async () => {
      if (passageId !== undefined) return revealPassage(interaction, passageId, scoped);
      if (feedback !== undefined) return handleFeedbackButton(interaction, feedback, scoped);
      logger.warn('unknown button ignored');
      await sendPrivateNotice(interaction, catalogueForLocale(interaction.locale).unknownButton);
    });
  } else if (interaction.isModalSubmit()) {
    const feedback = parseFeedbackCustomId(interaction.customId);
    await withInteractionBoundary(interaction, logger, async () => {
      if (feedback?.action === 'reason') return handleFeedbackModal(interaction, feedback.answerId, scoped);
      logger.warn('unknown modal ignored');
      await sendPrivateNotice(interaction, catalogueForLocale(interaction.locale).unknownButton);
    });
  }
}

async function runCommand(
  interaction: ChatInputCommandInteraction,
  registry: ReadonlyMap<string, Command>,
  services: BotServices,
): Promise<void> {
  const command = registry.get(interaction.commandName);
  // Refusals before the command runs speak the user's Discord language.
  const say = catalogueForLocale(interaction.locale);
  if (!command) {
    services.logger.warn('unknown command');
    await sendPrivateNotice(interaction, say.unknownCommand);
    return;
  }
  if (command.adminOnly) assertAdmin(requesterOf(interaction), services.config.discord, say);
  const lease = command.cooldown
    ? services.cooldowns.acquire(
        interaction.user.id,
        interaction.commandName,
        (await serverSettings(services, interaction.guildId)).cooldownSeconds ??
          services.config.discord.askCooldownSeconds,
        say,
      )
    : undefined;
  const started = Date.now();
  try {
    await command.execute(interaction, services);
    services.logger.info({ ms: Date.now() - started }, 'command handled');
  } finally {
    lease?.release();
  }
}
