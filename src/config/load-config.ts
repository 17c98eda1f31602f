import type { z } from 'zod';

import { ConfigError, toConfigIssues, type ConfigIssue } from './config-error.js';
import { deepFreeze, readEnv, type EnvSource, type Frozen } from './read-env.js';
import { coreEnvSchema } from './schema.js';

export { ConfigError, type ConfigIssue } from './config-error.js';

/**
 * Kizuna's configuration as every entry point needs it, read from the environment by {@link coreEnvSchema}:
 * parsed once, validated, frozen. Its type is inferred from this schema, so the two cannot drift. Discord's
 * settings are not here; the Discord entry points read them with `loadDiscordConfig`
 * (`./load-discord-config.js`).
 */
export const configSchema = coreEnvSchema
  .superRefine((e, context) => {
    for (const [variable, provider] of [
      ['EMBEDDINGS_PROVIDER', e.EMBEDDINGS_PROVIDER],
      ['ANSWER_PROVIDER', e.ANSWER_PROVIDER],
    ] as const) {
      if (provider === 'openai' && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
        context.addIssue({
          code: 'custom',
          path: ['OPENAI_API_KEY'],
          message: `required when ${variable}=openai (or set OPENAI_BASE_URL for a compatible server)`,
        });
      }
    }
  })
  .transform((e) => ({
    knowledgeDir: e.KNOWLEDGE_DIR,
    indexDir: e.INDEX_DIR,
    promptsDir: e.PROMPTS_DIR,
    embeddings: { provider: e.EMBEDDINGS_PROVIDER, model: e.EMBEDDINGS_MODEL },
    answerer: { provider: e.ANSWER_PROVIDER, model: e.CHAT_MODEL },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL },
    ollama: { baseUrl: e.OLLAMA_BASE_URL },
    /** Milliseconds for one model call: queueing, attempts and back-offs together. */
    modelTimeoutMs: e.MODEL_TIMEOUT_MS,
    /**
     * When every passage fits in this many tokens (estimated at four characters a token), a model sees
     * them all, so a retrieval miss cannot cost an answer; past it, the retrieved passages.
     */
    modelPromptBudgetTokens: e.MODEL_PROMPT_BUDGET_TOKENS,
    /** In characters (code points). */
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    logLevel: e.LOG_LEVEL,
  }));

/** The configuration every entry point shares (see {@link configSchema}); frozen. */
export type Config = Frozen<z.output<typeof configSchema>>;

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
export function parseConfig(source: EnvSource): z.output<typeof configSchema> {
  const parsed = configSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(toConfigIssues(parsed.error));
  return parsed.data;
}

/** Everything wrong with the shared variables (empty when they are fine), so all are reported at once. */
export function collectConfigIssues(source: EnvSource): ConfigIssue[] {
  const parsed = configSchema.safeParse(source);
  return parsed.success ? [] : toConfigIssues(parsed.error);
}
