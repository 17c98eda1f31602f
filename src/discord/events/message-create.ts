import type { Message } from 'discord.js';

import { handleMessage } from '../conversation/handle-message.js';
import type { BotServices } from '../services.js';
import { SeenRecently } from './seen-recently.js';

/** Listener for `messageCreate`: mentions, thread follow-ups and replies to the bot (each message once). */
export function createMessageListener(services: BotServices): (message: Message) => Promise<void> {
  const seen = new SeenRecently();
  return async (message) => {
    if (message.author.bot) return;
    if (!seen.firstTime(message.id)) return;
    await handleMessage(message, services);
  };
}
