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

const snowflakeList = commaList.pipe(
  z.array(z.string().regex(/^\d{15,22}$/, 'must be Discord ids (digits)')),
);

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const intInRange = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every environment variable Kizuna reads, with its default. `.env.example` documents the same list;
 * a test keeps the two in step.
 */
export const envSchema = z.object({
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

  // Discord
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{15,22}$/, 'must be a Discord application id (digits)')
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{15,22}$/, 'must be a Discord server id (digits)')
      .optional(),
  ),
  DISCORD_API_BASE_URL: z.url().default('https://discord.com/api'),
  DISCORD_SHARD_COUNT: intInRange(1, 1_000, 1),
  ADMIN_ROLE_IDS: snowflakeList,
  ADMIN_USER_IDS: snowflakeList,
  ASK_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3_600).default(5),

  // Logging
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;
