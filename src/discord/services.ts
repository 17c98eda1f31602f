import type { DiscordConfig } from '../config/load-discord-config.js';
import type { Logger } from '../core/logger.js';
import type { KizunaCore } from '../core/types.js';
import type { CommunityStore } from '../storage/community-store.js';
import type { StorageHealthSnapshot } from '../storage/storage-health.js';
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
  /**
   * Feedback, coverage gaps, server settings and privacy (src/storage). Undefined when storage could not be
   * opened: answers carry on without buttons, and the community commands say storage is unavailable.
   */
  readonly community?: CommunityStore;
  /** What `/status` says about storage (the store's health, or why there is none). */
  storageHealth(): StorageHealthSnapshot | undefined;
}
