import { ConfigError, toConfigIssues, type ConfigIssue } from './config-error.js';
import { deepFreeze, readEnv, type EnvSource } from './read-env.js';
import { coreEnvSchema } from './schema.js';

export { ConfigError, type ConfigIssue } from './config-error.js';

/**
 * Kizuna's configuration as every entry point needs it: parsed once, validated, frozen. Discord's settings
 * are not here; the Discord entry points read them with `loadDiscordConfig` (`./load-discord-config.js`).
 */
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
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/**
 * Parses the configuration every entry point shares from an environment object (default: `.env` merged
 * under `process.env`). Discord variables are ignored here, so a bad one cannot stop the CLI.
 * Pass `env` explicitly in tests so nothing global is read.
 * @throws {ConfigError} naming each missing or malformed variable
 */
export function loadConfig(env?: EnvSource): Config {
  return deepFreeze(parseConfig(readEnv(env)));
}

/** The shared configuration, unfrozen, so `loadDiscordConfig` can add to it; throws {@link ConfigError}. */
export function parseConfig(source: EnvSource): Config {
  const issues = collectConfigIssues(source);
  if (issues.length > 0) throw new ConfigError(issues);
  const e = coreEnvSchema.parse(source);
  return {
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
    logLevel: e.LOG_LEVEL,
  };
}

/** Everything wrong with the shared variables (empty when they are fine), so all are reported at once. */
export function collectConfigIssues(source: EnvSource): ConfigIssue[] {
  const parsed = coreEnvSchema.safeParse(source);
  if (!parsed.success) return toConfigIssues(parsed.error);
  const e = parsed.data;
  const issues: ConfigIssue[] = [];
  for (const [variable, provider] of [
    ['EMBEDDINGS_PROVIDER', e.EMBEDDINGS_PROVIDER],
    ['ANSWER_PROVIDER', e.ANSWER_PROVIDER],
  ] as const) {
    if (provider === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
      issues.push({
        variable: 'OPENAI_API_KEY',
        problem: `required when ${variable}=openai (or set OPENAI_BASE_URL for a compatible server)`,
      });
    }
  }
  return issues;
}
