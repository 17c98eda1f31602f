import type { Config } from '../../config/load-config.js';
import type { Logger } from '../logger.js';
import { formatHistoryForPrompt } from '../prompts/format-prompt-values.js';
import type { Prompts } from '../prompts/prompt-asset.js';
import type { ConversationTurn } from '../types.js';
import { createChatModel } from './create-chat-model.js';
import { invokeChatModel } from './invoke-chat-model.js';

/** Rewrites a follow-up question into one that can be understood (and retrieved for) on its own. */
export type QuestionCondenser = (question: string, history: readonly ConversationTurn[]) => Promise<string>;

export interface QuestionCondenserOptions {
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
 * A {@link QuestionCondenser} using the chat model chosen by `ANSWER_PROVIDER` and the `condense-question`
 * prompt. Without history the question is returned as is, with no model call. When the model's rewrite is
 * empty or implausibly long, the original question is kept (retrieval on it is still meaningful).
 *
 * @throws KizunaError `PROVIDER_UNAVAILABLE` when the model fails; callers can then use the original question.
 */
export function createQuestionCondenser(options: QuestionCondenserOptions): QuestionCondenser {
  const handle = createChatModel(options.config, { maxRetries: options.maxRetries, maxOutputTokens: 200 });
  const logger = options.logger.child({ component: 'question-condenser', model: handle.id });
  const prompt = options.prompts.condenseQuestion;
  const maxLength = Math.max(options.config.maxQuestionLength * 2, 200);

  return async (question, history) => {
    const meaningfulHistory = history.filter((turn) => turn.text.trim() !== '');
    if (meaningfulHistory.length === 0) return question;

    const messages = await prompt.render({ question, history: formatHistoryForPrompt(meaningfulHistory) });
    const rewritten = cleanRewrite(await invokeChatModel(handle, messages));
    if (rewritten === '' || rewritten.length > maxLength) {
      logger.warn({ length: rewritten.length }, 'ignored an unusable rewrite of a follow-up question');
      return question;
    }
    logger.debug({ question, rewritten }, 'condensed a follow-up question');
    return rewritten;
  };
}

/** Models often add a label or quotation marks despite being told not to. */
function cleanRewrite(reply: string): string {
  const firstLine = reply.split('\n').find((line) => line.trim() !== '') ?? '';
  return firstLine
    .trim()
    .replace(/^(?:standalone question|rewritten question|question)\s*:\s*/i, '')
    .replace(/^["“'「](.*)["”'」]$/u, '$1')
    .trim();
}
