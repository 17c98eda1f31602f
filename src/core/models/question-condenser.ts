import type { Config } from '../../config/load-config.js';
import { KizunaError } from '../errors.js';
import type { Logger } from '../logger.js';
import { formatHistoryForPrompt } from '../prompts/format-prompt-values.js';
import type { Prompts } from '../prompts/prompt-asset.js';
import type { ConversationTurn } from '../types.js';
import { createChatModel } from './create-chat-model.js';
import { invokeChatModel } from './invoke-chat-model.js';
import { createModelCaller, type ModelCaller } from './model-caller.js';
import { introducedTerms } from './rewrite-guard.js';

/**
 * Rewrites a follow-up question into one that can be understood (and retrieved for) on its own, or
 * returns undefined when the model's rewrite cannot be trusted, so the caller uses its rule-based rewrite.
 */
export type CheckedQuestionCondenser = (
  question: string,
  history: readonly ConversationTurn[],
) => Promise<string | undefined>;

/** The older contract: a rewrite, or a thrown error when there is none to trust. */
export type QuestionCondenser = (question: string, history: readonly ConversationTurn[]) => Promise<string>;

export interface QuestionCondenserOptions {
  readonly config: Config;
  readonly prompts: Prompts;
  readonly logger: Logger;
  /**
   * Retries after a failed model call. Ignored when `caller` is given.
   * @default 0
   */
  readonly maxRetries?: number;
  /** The model caller to share with the answerer (one concurrency cap and health record per provider). */
  readonly caller?: ModelCaller;
}

/**
 * A {@link CheckedQuestionCondenser} using the chat model chosen by `ANSWER_PROVIDER` and the
 * `condense-question` prompt. Without history the question is returned as is, with no model call.
 * Returns undefined (and logs why) when the model fails, the rewrite is empty or implausibly long, or it
 * introduces a name or number that is in neither the question nor the conversation.
 */
export function createCheckedQuestionCondenser(options: QuestionCondenserOptions): CheckedQuestionCondenser {
  const handle = createChatModel(options.config, { maxRetries: 0, maxOutputTokens: 200 });
  const logger = options.logger.child({ component: 'question-condenser', model: handle.id });
  const prompt = options.prompts.condenseQuestion;
  const maxLength = Math.max(options.config.maxQuestionLength * 2, 200);
  const caller =
    options.caller ??
    createModelCaller({
      provider: handle.id,
      failureContext: handle.failureContext,
      retry: { maxRetries: options.maxRetries ?? 0 },
      logger: options.logger,
    });

  return async (question, history) => {
    const meaningfulHistory = history.filter((turn) => turn.text.trim() !== '');
    if (meaningfulHistory.length === 0) return question;

    const messages = await prompt.render({ question, history: formatHistoryForPrompt(meaningfulHistory) });
    let reply: string;
    try {
      reply = await caller.call((signal) => invokeChatModel(handle, messages, signal));
    } catch (error) {
      logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'condensing a follow-up failed',
      );
      return undefined;
    }
    const rewritten = cleanRewrite(reply);
    if (rewritten === '' || rewritten.length > maxLength) {
      logger.warn({ length: rewritten.length }, 'ignored an unusable rewrite of a follow-up question');
      return undefined;
    }
    const introduced = introducedTerms(rewritten, question, meaningfulHistory);
    if (introduced.length > 0) {
      logger.warn({ rewritten, introduced }, 'ignored a rewrite that adds names or numbers from nowhere');
      return undefined;
    }
    logger.debug({ question, rewritten }, 'condensed a follow-up question');
    return rewritten;
  };
}

/**
 * {@link createCheckedQuestionCondenser} in the shape the service takes today: a rejected rewrite or a
 * failed model call throws `PROVIDER_UNAVAILABLE`, on which the service uses its rule-based rewrite.
 */
export function createQuestionCondenser(options: QuestionCondenserOptions): QuestionCondenser {
  const condense = createCheckedQuestionCondenser(options);
  return async (question, history) => {
    const rewritten = await condense(question, history);
    if (rewritten === undefined) {
      throw new KizunaError('PROVIDER_UNAVAILABLE', 'The model gave no trustworthy rewrite of the follow-up');
    }
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
