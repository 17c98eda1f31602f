import { ConfigError, toConfigIssues } from './config-error.js';
import { collectConfigIssues, parseConfig, type Config } from './load-config.js';
import { deepFreeze, readEnv, type EnvSource } from './read-env.js';
import { parseStorageConfig, type StorageConfig } from './load-storage-config.js';
import { discordEnvSchema, storageEnvSchema } from './schema.js';

/** Discord's settings, read only by the Discord entry points. */
export interface DiscordSettings {
  /** The bot token; a secret, never logged or printed. */
  readonly token?: string;
  /** The application id; asked from Discord with the token when absent. */
  readonly applicationId?: string;
  /** Register the commands in this one server (development); globally when absent. */
  readonly guildId?: string;
  /** @default 'https://discord.com/api' */
  readonly apiBaseUrl: string;
  /** Shards for `npm run start:sharded`. @default 1 */
  readonly shardCount: number;
  readonly adminRoleIds: readonly string[];
  readonly adminUserIds: readonly string[];
  /** @default 5 */
  readonly askCooldownSeconds: number;
}

/** The configuration of a Discord entry point: the shared settings and Discord's own. */
export interface DiscordConfig extends Config {
  readonly discord: DiscordSettings;
  /** What the bot stores and where (`DATABASE_URL`, `RETENTION_DAYS`, …). */
  readonly storage: StorageConfig;
}

/**
 * Parses the shared configuration and Discord's settings (default: `.env` merged under `process.env`).
 * Called only where Discord starts (`npm start`, `start:sharded`, `deploy-commands`), so a Discord typo
 * stops the bot with a message naming the variable, and never the CLI.
 * @throws {ConfigError} naming every missing or malformed variable, shared and Discord's together
 */
export function loadDiscordConfig(env?: EnvSource): DiscordConfig {
  const source = readEnv(env);
  const parsed = discordEnvSchema.safeParse(source);
  const storage = storageEnvSchema.safeParse(source);
  const issues = [
    ...collectConfigIssues(source),
    ...(parsed.success ? [] : toConfigIssues(parsed.error)),
    ...(storage.success ? [] : toConfigIssues(storage.error)),
  ];
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues);
  const e = parsed.data;
  return deepFreeze({
    ...parseConfig(source),
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiBaseUrl: e.DISCORD_API_BASE_URL,
      shardCount: e.DISCORD_SHARD_COUNT,
      adminRoleIds: e.ADMIN_ROLE_IDS,
      adminUserIds: e.ADMIN_USER_IDS,
      askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    },
    storage: parseStorageConfig(source),
  });
}
