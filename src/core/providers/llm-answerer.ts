import type { Config } from '../../config/load-config.js';
import type { AnswerContext, Answerer, DraftAnswer } from '../answer/answerer.js';
import type { Logger } from '../logger.js';
import { formatHistoryForPrompt, formatPassagesForPrompt } from '../prompts/format-prompt-values.js';
import type { Prompts } from '../prompts/prompt-asset.js';
import { checkCitationMarkers } from './citation-markers.js';
import { createChatModel, type ChatModelHandle } from './create-chat-model.js';
import { invokeChatModel } from './invoke-chat-model.js';

/**
 * What the answer prompt tells the model to reply when the passages do not answer the question.
 * Passed to the prompt as `{sentinel}`, so prompt and code cannot drift apart.
 */
export const NOT_IN_SOURCES_SENTINEL = 'NOT_IN_FACT_SHEETS';

/** `DraftAnswer.text` when the model judged (or we judged) that the passages do not answer the question. */
export const NOT_ANSWERED_TEXT = 'The fact sheets do not answer this question.';

export interface LlmAnswererOptions {
  readonly config: Config;
  readonly prompts: Prompts;
  readonly logger: Logger;
  /**
   * Retries after a failed model call.
   * @default 0
   */
  readonly maxRetries?: number;
}

/**
 * An {@link Answerer} that asks the chat model chosen by `ANSWER_PROVIDER` (openai or ollama) to answer from
 * the retrieved passages with the `answer` prompt.
 *
 * - The sentinel anywhere in the reply means "not answered".
 * - Markers pointing outside the passages list are removed: an answer never cites what was not retrieved.
 * - A reply with no valid marker left is returned as not answered rather than given the top passage as
 *   its source: Kizuna promises that every answer is backed by the passages it cites, and an uncited reply
 *   may come from the model's own knowledge, which a guessed citation would only disguise.
 *
 * @throws KizunaError `PROVIDER_UNAVAILABLE` (from `answer`) when the model fails; the caller falls back.
 */
export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const handle: ChatModelHandle = createChatModel(options.config, { maxRetries: options.maxRetries });
  const logger = options.logger.child({ component: 'llm-answerer', answerer: handle.id });
  const prompt = options.prompts.answer;

  return {
    id: handle.id,
    async answer(context: AnswerContext): Promise<DraftAnswer> {
      if (context.passages.length === 0) return { answered: false, text: NOT_ANSWERED_TEXT };

      const messages = await prompt.render({
        passages: formatPassagesForPrompt(context.passages),
        question: context.question,
        history: formatHistoryForPrompt(context.history),
        sentinel: NOT_IN_SOURCES_SENTINEL,
      });
      const startedAt = performance.now();
      const reply = await invokeChatModel(handle, messages);
      const latencyMs = Math.round(performance.now() - startedAt);

      if (reply.toUpperCase().includes(NOT_IN_SOURCES_SENTINEL)) {
        logger.debug({ latencyMs, outcome: 'sentinel' }, 'model found no answer in the passages');
        return { answered: false, text: NOT_ANSWERED_TEXT };
      }

      const checked = checkCitationMarkers(reply, context.passages.length);
      if (checked.dropped.length > 0) {
        logger.warn(
          { dropped: checked.dropped, passageCount: context.passages.length },
          'removed citation markers that point at no retrieved passage',
        );
      }
      if (checked.kept.length === 0 || checked.text === '') {
        logger.warn(
          { latencyMs, outcome: 'uncited' },
          'model answered without citing a retrieved passage; treated as not answered',
        );
        return { answered: false, text: NOT_ANSWERED_TEXT };
      }

      logger.debug({ latencyMs, outcome: 'answered', cited: checked.kept }, 'model answered');
      return { answered: true, text: checked.text };
    },
  };
}
