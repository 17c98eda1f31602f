import type { DiscordConfig } from '../config/load-discord-config.js';
import type { Logger } from '../core/logger.js';
import type { KizunaCore } from '../core/types.js';
import type { Cooldowns } from './interactions/cooldowns.js';
import type { ShardReloadOutcome } from './reload/shard-reload-outcome.js';

/** Everything a command or event handler may use, passed in rather than hung on the client. */
export interface BotServices {
  readonly core: KizunaCore;
  readonly config: DiscordConfig;
  readonly logger: Logger;
  readonly cooldowns: Cooldowns;
  /** Reloads the knowledge in every shard (or just here when not sharded). Never rejects. */
  reloadEverywhere(): Promise<readonly ShardReloadOutcome[]>;
  /** How long `/ask` waits for a quick answer before deferring the reply. */
  readonly deferAfterMs: number;
  /** Most earlier turns given to the core as context for a follow-up. */
  readonly historyTurns: number;
}
