import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';

import type { Config } from '../../../config/load-config.js';
import { hostOf, openAiApiKey, openAiBaseUrl, providerSecrets } from '../../models/provider-endpoints.js';
import { createTimeoutFetch } from '../../models/timeout-fetch.js';
import { ProviderEmbeddings } from './provider-embeddings.js';

/** Embeddings model used with `EMBEDDINGS_PROVIDER=openai` when `EMBEDDINGS_MODEL` is not set. */
export const DEFAULT_OPENAI_EMBEDDINGS_MODEL = 'text-embedding-3-small';
/** Embeddings model used with `EMBEDDINGS_PROVIDER=ollama` when `EMBEDDINGS_MODEL` is not set. */
export const DEFAULT_OLLAMA_EMBEDDINGS_MODEL = 'nomic-embed-text';

export interface ProviderEmbeddingsOptions {
  /**
   * Retries after a failed request (with back-off). Index builds send many requests, and one transient
   * error should not fail the whole build.
   * @default 2
   */
  readonly maxRetries?: number;
  /**
   * Texts per request.
   * @default 256 for OpenAI, 32 for Ollama (a local model embeds a batch in one go; smaller batches keep
   *   each request well inside the timeout)
   */
  readonly batchSize?: number;
}

/**
 * The embeddings model chosen by `EMBEDDINGS_PROVIDER` (`openai` or `ollama`; the offline embedder lives
 * elsewhere). Its `describe()` id is `<provider>:<model>`; params name the server's host (never the key);
 * dimensions are learned from the provider (see `ProviderEmbeddings.probe`). Every request is bounded by
 * `MODEL_TIMEOUT_MS`.
 *
 * @throws Error when `EMBEDDINGS_PROVIDER` is `offline` (a wiring mistake).
 */
export function createProviderEmbeddings(
  config: Config,
  options: ProviderEmbeddingsOptions = {},
): ProviderEmbeddings {
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = config.modelTimeoutMs;
  const secrets = providerSecrets(config);
  const provider = config.embeddings.provider;

  if (provider === 'openai') {
    const model = config.embeddings.model ?? DEFAULT_OPENAI_EMBEDDINGS_MODEL;
    const baseURL = openAiBaseUrl(config);
    const host = hostOf(baseURL);
    const inner = new OpenAIEmbeddings({
      model,
      apiKey: openAiApiKey(config),
      configuration: { baseURL },
      timeout: timeoutMs,
      maxRetries,
      stripNewLines: true,
      // Ask for plain floats: the openai 6 SDK (pinned for Node 20) otherwise requests base64 and decodes
      // whatever comes back as base64, which garbles the float arrays some compatible servers always send.
      encodingFormat: 'float',
    });
    return new ProviderEmbeddings(inner, {
      id: `openai:${model}`,
      params: { host, stripNewLines: true },
      batchSize: options.batchSize ?? 256,
      failureContext: { subject: 'embeddings provider', host, timeoutMs, secrets },
    });
  }

  if (provider === 'ollama') {
    const model = config.embeddings.model ?? DEFAULT_OLLAMA_EMBEDDINGS_MODEL;
    const baseUrl = config.ollama.baseUrl;
    const host = hostOf(baseUrl);
    const inner = new OllamaEmbeddings({
      model,
      baseUrl,
      maxRetries,
      fetch: createTimeoutFetch(timeoutMs),
    });
    return new ProviderEmbeddings(inner, {
      id: `ollama:${model}`,
      params: { host },
      batchSize: options.batchSize ?? 32,
      failureContext: { subject: 'embeddings provider', host, timeoutMs, secrets },
    });
  }

  throw new Error(`No embeddings provider to create: EMBEDDINGS_PROVIDER is "${provider}"`);
}
