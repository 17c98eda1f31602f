import type { BaseMessage } from '@langchain/core/messages';

import type { ChatModelHandle } from './create-chat-model.js';
import { providerGarbage } from './provider-unavailable.js';

export interface StreamChatOptions {
  /** Aborts the request (the caller's deadline). */
  readonly signal: AbortSignal;
  /** Called with each piece of text as it arrives (for showing verified sentences early). */
  readonly onText?: (delta: string) => void;
}

/**
 * Streams the chat model's reply and returns its whole text, trimmed. Streaming (server-sent events for
 * OpenAI, NDJSON for Ollama) lets sentences be checked and shown while the model is still writing.
 *
 * A stream that breaks off is not an answer: a reply cut mid-way may have lost the sentence that
 * qualified the one before it. So a stream that ends without the provider's end marker (`finish_reason`,
 * `done`), or fails after text arrived, is an unusable reply, not retried (the text was already seen).
 *
 * @throws KizunaError `PROVIDER_UNAVAILABLE` for a cut stream or an empty reply; the raw client error for
 *   a failure before any text (the caller decides whether to retry it).
 */
export async function streamChatModel(
  handle: ChatModelHandle,
  messages: readonly BaseMessage[],
  options: StreamChatOptions,
): Promise<string> {
  let text = '';
  let finished = false;
  try {
    const stream = await handle.model.stream([...messages], { signal: options.signal });
    for await (const chunk of stream) {
      const delta = typeof chunk.content === 'string' ? chunk.content : chunk.text;
      if (delta !== '') {
        text += delta;
        options.onText?.(delta);
      }
      if (isEndOfReply(chunk.response_metadata)) finished = true;
    }
  } catch (error) {
    if (text === '' || options.signal.aborted) throw error;
    throw providerGarbage(
      `the reply stream broke off after ${text.length} characters`,
      handle.failureContext,
    );
  }
  if (!finished) {
    throw providerGarbage(
      `the reply stream ended before the model finished (${text.length} characters)`,
      handle.failureContext,
    );
  }
  const trimmed = text.trim();
  if (trimmed === '') throw providerGarbage('the reply is empty', handle.failureContext);
  return trimmed;
}

function isEndOfReply(metadata: Record<string, unknown> | undefined): boolean {
  if (metadata === undefined) return false;
  return (
    (typeof metadata.finish_reason === 'string' && metadata.finish_reason !== '') || metadata.done === true
  );
}
