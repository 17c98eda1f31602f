import type { Config } from '../../config/load-config.js';

/** Where the OpenAI API lives unless `OPENAI_BASE_URL` points elsewhere (an OpenAI-compatible server). */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * The OpenAI base URL from configuration. Always passed explicitly to the LangChain classes: left undefined,
 * they would read `OPENAI_BASE_URL` (or a LangSmith gateway) from the process environment behind our back.
 */
export function openAiBaseUrl(config: Config): string {
  return config.openai.baseUrl ?? DEFAULT_OPENAI_BASE_URL;
}

/**
 * The API key to send. A compatible server configured through `OPENAI_BASE_URL` may need none, but the
 * OpenAI client refuses to start without one, so a harmless placeholder stands in.
 */
export function openAiApiKey(config: Config): string {
  return config.openai.apiKey ?? 'no-key-configured';
}

/** `host[:port]` of a URL: safe to show and to log (no path, query, credentials or key). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}

/** Values that must never appear in a message or log line produced from a provider's error. */
export function providerSecrets(config: Config): string[] {
  return config.openai.apiKey === undefined ? [] : [config.openai.apiKey];
}
