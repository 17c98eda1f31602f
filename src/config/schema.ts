import { z } from 'zod';

const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/**
 * Discord ids are snowflakes: 64-bit numbers written in decimal. Every id Discord has handed out since 2015
 * has 17 to 20 digits, so anything shorter is a typo or a placeholder (`123`), not an id.
 */
const SNOWFLAKE = /^\d{17,20}$/;

/** Said of every id variable, so a person knows what a valid value looks like and where it comes from. */
export const SNOWFLAKE_PROBLEM =
  'must be a Discord id of 17–20 digits (a snowflake; Developer Mode → Copy ID)';

const snowflakeList = commaList.pipe(z.array(z.string().regex(SNOWFLAKE, `each entry ${SNOWFLAKE_PROBLEM}`)));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const optionalSnowflake = optionalString.pipe(z.string().regex(SNOWFLAKE, SNOWFLAKE_PROBLEM).optional());

const intInRange = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The variables every entry point reads (CLI, evaluation, benchmark and bot alike), with their defaults.
 * Discord's own variables are in {@link discordEnvSchema}, checked only where Discord starts, so a Discord
 * typo never stops `npm run ask`.
 */
export const coreEnvSchema = z.object({
  // Knowledge and index
  KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
  INDEX_DIR: z.string().min(1).default('.kizuna/index'),
  PROMPTS_DIR: z.string().min(1).default('prompts'),

  // Models: offline by default; hosted or local models are options.
  EMBEDDINGS_PROVIDER: z.enum(['offline', 'openai', 'ollama']).default('offline'),
  EMBEDDINGS_MODEL: optionalString,
  ANSWER_PROVIDER: z.enum(['extractive', 'openai', 'ollama']).default('extractive'),
  CHAT_MODEL: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OLLAMA_BASE_URL: z.url().default('http://127.0.0.1:11434'),
  MODEL_TIMEOUT_MS: intInRange(1_000, 600_000, 30_000),
  MODEL_PROMPT_BUDGET_TOKENS: intInRange(0, 1_000_000, 4_000),

  // Questions
  MAX_QUESTION_LENGTH: intInRange(20, 4_000, 500),

  // Logging
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The variables only the Discord entry points read (`npm start`, `start:sharded`, `deploy-commands`). */
export const discordEnvSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalSnowflake,
  DISCORD_GUILD_ID: optionalSnowflake,
  DISCORD_API_BASE_URL: z.url().default('https://discord.com/api'),
  DISCORD_SHARD_COUNT: intInRange(1, 1_000, 1),
  ADMIN_ROLE_IDS: snowflakeList,
  ADMIN_USER_IDS: snowflakeList,
  ASK_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3_600).default(5),
});

/** `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`), as environment variables spell a switch. */
const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? String(fallback) : value.trim()))
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], 'must be true or false'))
    .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/**
 * The variables of what Kizuna stores (feedback, coverage gaps, per-server settings), read by the bot and by
 * `npm run report`, never by the question-answering commands.
 */
export const storageEnvSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//u, 'must be a postgres:// URL (or empty for the embedded SQLite file)')
      .optional(),
  ),
  DATABASE_FILE: z.string().min(1).default('.kizuna/kizuna.sqlite'),
  RETENTION_DAYS: intInRange(0, 3_650, 30),
  USER_HASH_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  RECORD_DIRECT_MESSAGES: flag(false),
});

/**
 * Every environment variable Kizuna reads, with its default. `.env.example` documents the same list;
 * a test keeps the two in step.
 */
export const envSchema = coreEnvSchema.extend(discordEnvSchema.shape).extend(storageEnvSchema.shape);

export type CoreEnv = z.infer<typeof coreEnvSchema>;
export type DiscordEnv = z.infer<typeof discordEnvSchema>;
export type StorageEnv = z.infer<typeof storageEnvSchema>;
export type Env = z.infer<typeof envSchema>;
