import { Client, Events, type ClientOptions } from 'discord.js';

import type { DiscordConfig } from '../config/load-discord-config.js';
import type { Logger } from '../core/logger.js';
import type { KizunaCore } from '../core/types.js';
import type { CommunityStore } from '../storage/community-store.js';
import type { StorageHealthSnapshot } from '../storage/storage-health.js';
import { createClientOptions } from './client-options.js';
import { commandsByName } from './commands/index.js';
import { logConnectionEvents } from './events/connection-events.js';
import { createInteractionListener } from './events/interaction-create.js';
import { createMessageListener } from './events/message-create.js';
import { Cooldowns } from './interactions/cooldowns.js';
import { createReloadEverywhere } from './reload/reload-everywhere.js';
import type { BotServices } from './services.js';

/** What {@link createBot} wires together; everything but the three services has a default. */
export interface CreateBotOptions {
  readonly config: DiscordConfig;
  readonly core: KizunaCore;
  readonly logger: Logger;
  /** Merged over the defaults (intents, mentions disabled, REST base URL from config). */
  readonly clientOptions?: Partial<ClientOptions>;
  /** How long `/ask` waits for a quick answer before deferring. @default 1200 */
  readonly deferAfterMs?: number;
  /** Most earlier turns passed as context to a follow-up. @default 6 */
  readonly historyTurns?: number;
  /** How long `start` waits for the gateway to be ready. @default 120000 */
  readonly readyTimeoutMs?: number;
  /** Storage for feedback, coverage gaps, server settings and privacy; without it those are unavailable. */
  readonly community?: CommunityStore;
  /** Why there is no storage (shown by `/status`), when `community` is absent because opening it failed. */
  readonly storageProblem?: string;
}

/** A Kizuna bot: its discord.js client, and how to connect and disconnect it. */
export interface Bot {
  readonly client: Client;
  /** Logs in and resolves once the client is ready (rejects after `readyTimeoutMs`). */
  start(token: string): Promise<void>;
  /** Disconnects from Discord. Safe to call twice. */
  stop(): Promise<void>;
}

/** Wires the core into a discord.js client: commands, mentions, follow-ups, buttons. Does not log in. */
export function createBot(options: CreateBotOptions): Bot {
  const { config, core, logger } = options;
  const client = new Client(createClientOptions(config, options.clientOptions));
  const services: BotServices = {
    core,
    config,
    logger,
    cooldowns: new Cooldowns(),
    reloadEverywhere: createReloadEverywhere(client, core, logger),
    deferAfterMs: options.deferAfterMs ?? 1200,
    historyTurns: options.historyTurns ?? 6,
    ...(options.community ? { community: options.community } : {}),
    storageHealth: () => storageHealthOf(options),
  };
  const registry = commandsByName({ maxQuestionLength: config.maxQuestionLength });

  logConnectionEvents(client, logger);
  const onInteraction = createInteractionListener(registry, services);
  const onMessage = createMessageListener(services);
  // Fire-and-forget: each handler has its own error boundary. A rejection that still escapes goes to the client's
  // `error` event (logged in connection-events), as discord.js's captureRejections did with a returned promise.
  const reportEscaped = (error: unknown): void => void client.emit(Events.Error, error as Error);
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction).catch(reportEscaped));
  client.on(Events.MessageCreate, (message) => void onMessage(message).catch(reportEscaped));

  let stopped = false;
  return {
    client,
    async start(token) {
      const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Discord did not become ready within ${readyTimeoutMs} ms`)),
          readyTimeoutMs,
        );
        client.once(Events.ClientReady, () => resolve());
      });
      ready.catch(() => undefined); // observed below; this only stops a login failure leaving it unhandled
      try {
        await client.login(token);
        await ready;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}

function storageHealthOf(options: CreateBotOptions): StorageHealthSnapshot | undefined {
  if (options.community) return options.community.healthSnapshot();
  if (options.storageProblem === undefined) return undefined;
  return {
    database: 'none',
    state: 'failing',
    lastError: options.storageProblem,
    written: 0,
    queued: 0,
    dropped: 0,
  };
}
