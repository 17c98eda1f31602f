import { Events, type Client } from 'discord.js';

import type { Logger } from '../../core/logger.js';

/**
 * Logs the client's life: ready, disconnects, resumes, warnings and errors. An `error` listener must
 * exist, or an error emitted by the client would crash the process.
 */
export function logConnectionEvents(client: Client, logger: Logger): void {
  client.once(Events.ClientReady, (ready) => {
    logger.info(
      {
        user: ready.user.tag,
        userId: ready.user.id,
        guilds: ready.guilds.cache.size,
        shards: ready.shard?.ids,
      },
      'connected to Discord',
    );
  });
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, 'gateway session resumed'),
  );
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord.js warning'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js client error'));
}
