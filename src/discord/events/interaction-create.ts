import type { Interaction } from 'discord.js';

import type { Command } from '../commands/command.js';
import { routeInteraction } from '../interactions/route-interaction.js';
import type { BotServices } from '../services.js';
import { SeenRecently } from './seen-recently.js';

/** Listener for `interactionCreate`: hands each interaction (once) to the router. */
export function createInteractionListener(
  registry: ReadonlyMap<string, Command>,
  services: BotServices,
): (interaction: Interaction) => Promise<void> {
  const seen = new SeenRecently();
  return async (interaction) => {
    if (!seen.firstTime(interaction.id)) {
      services.logger.debug({ interactionId: interaction.id }, 'duplicate interaction ignored');
      return;
    }
    await routeInteraction(interaction, registry, services);
  };
}
