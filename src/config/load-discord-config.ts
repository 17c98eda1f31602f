import type { z } from 'zod';

import { ConfigError, toConfigIssues } from './config-error.js';
import { collectConfigIssues, parseConfig, type Config } from './load-config.js';
import { deepFreeze, readEnv, type EnvSource, type Frozen } from './read-env.js';
import { parseStorageConfig, type StorageConfig } from './load-storage-config.js';
import { discordEnvSchema, storageEnvSchema } from './schema.js';

/**
 * Discord's settings, read from the environment by {@link discordEnvSchema} only by the Discord entry
 * points; the {@link DiscordSettings} type is inferred from this schema.
 */
export const discordSettingsSchema = discordEnvSchema.transform((e) => ({
  /** The bot token; a secret, never logged or printed. */
  token: e.DISCORD_TOKEN,
  /** The application id (a snowflake); asked from Discord with the token when absent. */
  applicationId: e.DISCORD_APPLICATION_ID,
  /** Register the commands in this one server (development); globally when absent. */
  guildId: e.DISCORD_GUILD_ID,
  /** @default 'https://discord.com/api' */
  apiBaseUrl: e.DISCORD_API_BASE_URL,
  /** Shards for `npm run start:sharded`. @default 1 */
  shardCount: e.DISCORD_SHARD_COUNT,
  /** Snowflakes of the roles allowed the admin commands. @default [] */
  adminRoleIds: e.ADMIN_ROLE_IDS,
  /** Snowflakes of the users allowed the admin commands. @default [] */
  adminUserIds: e.ADMIN_USER_IDS,
  /** Seconds each user waits between questions; 0 turns the cooldown off. @default 5 */
  askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
}));

/** Discord's settings (see {@link discordSettingsSchema}); frozen. */
export type DiscordSettings = Frozen<z.output<typeof discordSettingsSchema>>;

/** The configuration of a Discord entry point: the shared settings and Discord's own. */
export type DiscordConfig = Config & {
  readonly discord: DiscordSettings;
  /** What the bot stores and where (`DATABASE_URL`, `RETENTION_DAYS`, …). */
  readonly storage: StorageConfig;
};

/**
 * Parses the shared configuration and Discord's settings (default: `.env` merged under `process.env`).
 * Called only where Discord starts (`npm start`, `start:sharded`, `deploy-commands`), so a Discord typo
 * stops the bot with a message naming the variable, and never the CLI.
 * @throws {ConfigError} naming every missing or malformed variable, shared and Discord's together
 */
export function loadDiscordConfig(env?: EnvSource): DiscordConfig {
  const source = readEnv(env);
  const parsed = discordSettingsSchema.safeParse(source);
  const storage = storageEnvSchema.safeParse(source);
  const issues = [
    ...collectConfigIssues(source),
    ...(parsed.success ? [] : toConfigIssues(parsed.error)),
    ...(storage.success ? [] : toConfigIssues(storage.error)),
  ];
  if (issues.length > 0 || !parsed.success) throw new ConfigError(issues);
  return deepFreeze({ ...parseConfig(source), discord: parsed.data, storage: parseStorageConfig(source) });
}
