import type { BaseMessage } from '@langchain/core/messages';

import type { ChatModelHandle } from './create-chat-model.js';
import { providerGarbage, providerUnavailable } from './provider-unavailable.js';

/**
 * Sends messages to the chat model and returns its reply text, trimmed.
 *
 * @throws KizunaError `PROVIDER_UNAVAILABLE` when the model times out, answers with an HTTP error, cannot be
 *   reached, or replies with something that is not text. The message never contains the API key.
 */
export async function invokeChatModel(
  handle: ChatModelHandle,
  messages: readonly BaseMessage[],
  /** The caller's deadline. @default `MODEL_TIMEOUT_MS` from now */
  signal: AbortSignal = AbortSignal.timeout(handle.failureContext.timeoutMs),
): Promise<string> {
  let reply: unknown;
  try {
    // The abort signal is a second guard on top of each client's own timeout: it also bounds LangChain's
    // own work around the request.
    reply = await handle.model.invoke([...messages], { signal });
  } catch (error) {
    throw providerUnavailable(error, handle.failureContext);
  }
  const text = replyText(reply);
  if (text === undefined) throw providerGarbage('the reply has no text', handle.failureContext);
  const trimmed = text.trim();
  if (trimmed === '') throw providerGarbage('the reply is empty', handle.failureContext);
  return trimmed;
}

function replyText(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const text = (reply as { text?: unknown }).text;
  return typeof text === 'string' ? text : undefined;
}
