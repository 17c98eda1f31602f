import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';

import type { Config } from '../../config/load-config.js';
import { hostOf, openAiApiKey, openAiBaseUrl, providerSecrets } from './provider-endpoints.js';
import type { ProviderFailureContext } from './provider-unavailable.js';
import { createTimeoutFetch } from './timeout-fetch.js';

/** Chat model used with `ANSWER_PROVIDER=openai` when `CHAT_MODEL` is not set. */
export const DEFAULT_OPENAI_CHAT_MODEL = 'gpt-4o-mini';
/** Chat model used with `ANSWER_PROVIDER=ollama` when `CHAT_MODEL` is not set. */
export const DEFAULT_OLLAMA_CHAT_MODEL = 'llama3.1';

/** A configured chat model plus what is needed to report its failures safely. */
export interface ChatModelHandle {
  readonly model: BaseChatModel;
  /** e.g. "openai:gpt-4o-mini", "ollama:llama3.1" (used as the answerer id). */
  readonly id: string;
  readonly failureContext: ProviderFailureContext;
}

export interface CreateChatModelOptions {
  /**
   * Retries inside the LangChain client. None by default: the model caller retries itself, honouring
   * Retry-After and the `MODEL_TIMEOUT_MS` budget, which the client's own retries would not.
   * @default 0
   */
  readonly maxRetries?: number;
  /**
   * Upper bound on the reply's length in tokens (answers are a few sentences).
   * @default 800
   */
  readonly maxOutputTokens?: number;
}

/**
 * The chat model chosen by `ANSWER_PROVIDER`, with temperature 0 (answers should be reproducible; OpenAI's
 * reasoning models reject the setting and get their defaults) and the `MODEL_TIMEOUT_MS` timeout on every
 * request.
 *
 * @throws Error when `ANSWER_PROVIDER` is `extractive` (no model to create: a wiring mistake).
 */
export function createChatModel(config: Config, options: CreateChatModelOptions = {}): ChatModelHandle {
  const maxRetries = options.maxRetries ?? 0;
  const maxTokens = options.maxOutputTokens ?? 800;
  const timeoutMs = config.modelTimeoutMs;
  const secrets = providerSecrets(config);
  const provider = config.answerer.provider;

  if (provider === 'openai') {
    const modelName = config.answerer.model ?? DEFAULT_OPENAI_CHAT_MODEL;
    const baseURL = openAiBaseUrl(config);
    const reasoning = isOpenAiReasoningModel(modelName);
    return {
      model: new ChatOpenAI({
        model: modelName,
        apiKey: openAiApiKey(config),
        configuration: { baseURL },
        // Reasoning models reject a temperature and spend hidden tokens before answering, so a cap sized
        // for the answer alone would cut them off: both are left to the API for them.
        ...(reasoning ? {} : { temperature: 0, maxTokens }),
        timeout: timeoutMs,
        maxRetries,
        // No `streaming` flag: `false` would make `.stream()` fall back to one JSON reply, and the answerer
        // streams so that sentences can be verified and shown while the model writes.
      }),
      id: `openai:${modelName}`,
      failureContext: { subject: 'chat model', host: hostOf(baseURL), timeoutMs, secrets },
    };
  }

  if (provider === 'ollama') {
    const modelName = config.answerer.model ?? DEFAULT_OLLAMA_CHAT_MODEL;
    const baseUrl = config.ollama.baseUrl;
    return {
      model: new ChatOllama({
        model: modelName,
        baseUrl,
        temperature: 0,
        numPredict: maxTokens,
        maxRetries,
        fetch: createTimeoutFetch(timeoutMs),
      }),
      id: `ollama:${modelName}`,
      failureContext: { subject: 'chat model', host: hostOf(baseUrl), timeoutMs, secrets },
    };
  }

  throw new Error(`No chat model to create: ANSWER_PROVIDER is "${provider}"`);
}

/** OpenAI's reasoning models (o1, o3, o4-mini, gpt-5…; not the gpt-5-chat variants), as LangChain tells them apart. */
export function isOpenAiReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (/^gpt-[5-9]/.test(model) && !/^gpt-\d-chat/.test(model));
}
