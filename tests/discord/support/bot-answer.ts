import type { APIMessage } from 'discord.js';

import type { DiscordSimulator } from '../../support/discord-simulator/index.js';

/** Resolves with the bot's first answer (a message with an embed) in a channel after `after`. */
export function botAnswerIn(
  sim: DiscordSimulator,
  channelId: string,
  after: APIMessage,
  timeoutMs = 5000,
): Promise<APIMessage> {
  return sim.waitFor(
    () =>
      sim
        .messages(channelId)
        .find(
          (message) =>
            message.author.id === sim.botUserId &&
            BigInt(message.id) > BigInt(after.id) &&
            message.embeds.length > 0,
        ),
    timeoutMs,
    `an answer from the bot in ${channelId}`,
  );
}
