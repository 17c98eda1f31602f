import type { Config } from '../../config/load-config.js';
import type { Answerer } from '../answer/answerer.js';
import type { Logger } from '../logger.js';
import type { Prompts } from '../prompts/prompt-asset.js';
import { createChatModel } from './create-chat-model.js';
import { createLlmAnswerer, type LlmAnswerer } from '../answer/llm-answerer.js';
import type { ModelCallGateOptions } from './model-call-gate.js';
import { createModelCaller } from './model-caller.js';
import type { ProviderHealthSnapshot } from './provider-health.js';
import { createCheckedQuestionCondenser, type CheckedQuestionCondenser } from './question-condenser.js';

export interface ModelAnswering {
  /** Grounded model answers; falls back to `fallback` (with `fallbackReason`) instead of throwing. */
  readonly answerer: LlmAnswerer;
  /** Follow-up rewrites; undefined means "use the rule-based rewrite". */
  readonly condenseQuestion: CheckedQuestionCondenser;
  /** The provider's state for `/status`: one record for both, since they share the provider. */
  health(): ProviderHealthSnapshot;
}

/**
 * Everything a configured model provides, wired once: the answerer and the follow-up condenser share one
 * model caller, so they share the concurrency cap, the retry budget rules and the health record.
 *
 * @param fallback the answerer whose answer stands in when the model cannot give a verified one (the
 *   extractive answerer).
 * @throws Error when `ANSWER_PROVIDER` is `extractive` (nothing to create).
 */
export function createModelAnswering(options: {
  readonly config: Config;
  readonly prompts: Prompts;
  readonly logger: Logger;
  readonly fallback: Answerer;
  readonly gate?: ModelCallGateOptions;
}): ModelAnswering {
  const { config, prompts, logger } = options;
  const handle = createChatModel(config);
  const caller = createModelCaller({
    provider: handle.id,
    failureContext: handle.failureContext,
    retry: { maxRetries: 2 },
    logger,
    ...options.gate,
  });
  return {
    answerer: createLlmAnswerer({ config, prompts, logger, fallback: options.fallback, caller }),
    condenseQuestion: createCheckedQuestionCondenser({ config, prompts, logger, caller }),
    health: () => caller.health(),
  };
}
