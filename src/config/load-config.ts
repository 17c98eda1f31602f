import { config as loadDotenv } from 'dotenv';

import { envSchema } from './schema.js';

/** Kizuna's configuration: parsed once, validated, frozen. */
export interface Config {
  readonly knowledgeDir: string;
  readonly indexDir: string;
  readonly promptsDir: string;
  readonly embeddings: {
    readonly provider: 'offline' | 'openai' | 'ollama';
    readonly model?: string;
  };
  readonly answerer: {
    readonly provider: 'extractive' | 'openai' | 'ollama';
    readonly model?: string;
  };
  readonly openai: { readonly apiKey?: string; readonly baseUrl?: string };
  readonly ollama: { readonly baseUrl: string };
  readonly modelTimeoutMs: number;
  /**
   * When every passage fits in this many tokens (estimated at four characters a token), a model sees
   * them all, so a retrieval miss cannot cost an answer; past it, the retrieved passages.
   */
  readonly modelPromptBudgetTokens: number;
  readonly maxQuestionLength: number;
  readonly discord: {
    readonly token?: string;
    readonly applicationId?: string;
    readonly guildId?: string;
    readonly apiBaseUrl: string;
    readonly shardCount: number;
    readonly adminRoleIds: readonly string[];
    readonly adminUserIds: readonly string[];
    readonly askCooldownSeconds: number;
  };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Raised when a variable is missing or malformed; the message names each offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly { variable: string; problem: string }[]) {
    super(
      `Invalid configuration (see .env.example):\n` +
        issues.map((issue) => `  - ${issue.variable}: ${issue.problem}`).join('\n'),
    );
  }
}

/**
 * Parses configuration from an environment object (default: `.env` merged under `process.env`).
 * Pass `env` explicitly in tests so nothing global is read.
 */
export function loadConfig(env?: Record<string, string | undefined>): Config {
  let source = env;
  if (source === undefined) {
    loadDotenv({ quiet: true });
    source = process.env;
  }
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(unknown)'),
        problem: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const problems: { variable: string; problem: string }[] = [];
  if (e.EMBEDDINGS_PROVIDER === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push({
      variable: 'OPENAI_API_KEY',
      problem: 'required when EMBEDDINGS_PROVIDER=openai (or set OPENAI_BASE_URL for a compatible server)',
    });
  }
  if (e.ANSWER_PROVIDER === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push({
      variable: 'OPENAI_API_KEY',
      problem: 'required when ANSWER_PROVIDER=openai (or set OPENAI_BASE_URL for a compatible server)',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return deepFreeze({
    knowledgeDir: e.KNOWLEDGE_DIR,
    indexDir: e.INDEX_DIR,
    promptsDir: e.PROMPTS_DIR,
    embeddings: { provider: e.EMBEDDINGS_PROVIDER, model: e.EMBEDDINGS_MODEL },
    answerer: { provider: e.ANSWER_PROVIDER, model: e.CHAT_MODEL },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL },
    ollama: { baseUrl: e.OLLAMA_BASE_URL },
    modelTimeoutMs: e.MODEL_TIMEOUT_MS,
    modelPromptBudgetTokens: e.MODEL_PROMPT_BUDGET_TOKENS,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
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
    logLevel: e.LOG_LEVEL,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
