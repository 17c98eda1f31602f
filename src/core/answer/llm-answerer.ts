import type { Config } from '../../config/load-config.js';
import type { AnswerContext, Answerer, DraftAnswer } from './answerer.js';
import { isKizunaError, KizunaError } from '../errors.js';
import { createGroundedStream, groundReply, type GroundingOptions } from '../grounding/index.js';
import type { Logger } from '../logger.js';
import { formatHistoryForPrompt, formatPassagesForPrompt } from '../prompts/format-prompt-values.js';
import type { Prompts } from '../prompts/prompt-asset.js';
import { createChatModel, type ChatModelHandle } from '../models/create-chat-model.js';
import { fallbackReasonFor, UNVERIFIED_REPLY_REASON } from '../models/fallback-reason.js';
import { createModelCaller, type ModelCaller } from '../models/model-caller.js';
import type { ModelCallGateOptions } from '../models/model-call-gate.js';
import {
  capLength,
  MAX_MODEL_ANSWER_LENGTH,
  neutralizeDiscordSyntax,
} from '../models/neutralize-model-text.js';
import type { ProviderHealthSnapshot } from '../models/provider-health.js';
import { streamChatModel } from '../models/stream-chat-model.js';

/**
 * What the answer prompt tells the model to reply when the passages do not answer the question.
 * Passed to the prompt as `{sentinel}`, so prompt and code cannot drift apart.
 */
export const NOT_IN_SOURCES_SENTINEL = 'NOT_IN_FACT_SHEETS';

/** `DraftAnswer.text` when the model judged (or we judged) that the passages do not answer the question. */
export const NOT_ANSWERED_TEXT = 'The fact sheets do not answer this question.';

/** Replies longer than this many times the answer cap are cut before grounding (bounds the work). */
const RAW_REPLY_FACTOR = 4;

export interface LlmAnswererOptions {
  readonly config: Config;
  readonly prompts: Prompts;
  readonly logger: Logger;
  /**
   * Retries after a failed model call (rate limits, server errors, dropped connections), within
   * `MODEL_TIMEOUT_MS` in all. Ignored when `caller` is given.
   * @default 2
   */
  readonly maxRetries?: number;
  /** Concurrency cap and queue wait. Ignored when `caller` is given. */
  readonly gate?: ModelCallGateOptions;
  /**
   * The model caller (gate, retries, health) to use; pass the same one to the question condenser so both
   * share the cap and the health record. @default a new one for this answerer
   */
  readonly caller?: ModelCaller;
  /**
   * The answerer whose answer stands in when the model fails or nothing it says can be verified (the
   * extractive one). Without it, those cases throw and the caller must fall back itself.
   */
  readonly fallback?: Answerer;
  /** Overrides of the grounding thresholds (tuning and tests). */
  readonly grounding?: Partial<GroundingOptions>;
  /** Longest answer text in characters. @default 1500 */
  readonly maxAnswerLength?: number;
}

/** Options of one {@link LlmAnswerer.answer} call. */
export interface LlmAnswerOptions {
  /**
   * Called while the model is still writing, with the verified answer so far (kept sentences, markers
   * intact, Discord syntax neutralised), each time a sentence passes the grounding check. Unverified text
   * is never passed. The returned draft is authoritative: it may differ (a fallback, the last sentence).
   */
  readonly onVerifiedText?: (text: string) => void;
}

/** An {@link Answerer} backed by a chat model, with the provider's health for `/status`. */
export interface LlmAnswerer extends Answerer {
  answer(context: AnswerContext, options?: LlmAnswerOptions): Promise<DraftAnswer>;
  /** Last success, last error, recent failure rate, mean latency, in-flight and queued calls. */
  health(): ProviderHealthSnapshot;
}

/**
 * An {@link Answerer} that asks the chat model chosen by `ANSWER_PROVIDER` (openai or ollama) to answer from
 * the retrieved passages with the `answer` prompt, and lets through only what the passages support.
 *
 * - The sentinel anywhere in the reply means "not answered" (an honest refusal, not a failure).
 * - Discord syntax in the reply is neutralised (`@everyone`, mentions, masked and invite links) and the
 *   answer is capped at `maxAnswerLength` characters, at a sentence end.
 * - Every sentence goes through the grounding check (`groundReply`); unsupported ones are dropped and
 *   logged with the reason. When no claim survives, the answer is the fallback's, with `fallbackReason`.
 * - Model failures (timeout, HTTP errors, garbage, a cut stream, a full queue) also give the fallback's
 *   answer with `fallbackReason`; the logs carry the technical reason.
 *
 * @throws KizunaError `PROVIDER_UNAVAILABLE` (from `answer`) when the model fails or nothing is verified
 *   and no `fallback` was given.
 */
export function createLlmAnswerer(options: LlmAnswererOptions): LlmAnswerer {
  const handle: ChatModelHandle = createChatModel(options.config, { maxRetries: 0 });
  const logger = options.logger.child({ component: 'llm-answerer', answerer: handle.id });
  const prompt = options.prompts.answer;
  const maxLength = options.maxAnswerLength ?? MAX_MODEL_ANSWER_LENGTH;
  const caller =
    options.caller ??
    createModelCaller({
      provider: handle.id,
      failureContext: handle.failureContext,
      retry: { maxRetries: options.maxRetries ?? 2 },
      logger: options.logger,
      ...options.gate,
    });
  const prepare = (text: string) => capLength(neutralizeDiscordSyntax(text), maxLength * RAW_REPLY_FACTOR);

  async function fallBack(context: AnswerContext, reason: string, detail: string): Promise<DraftAnswer> {
    logger.warn({ reason: detail, fallback: options.fallback?.id }, 'model answer replaced by the fallback');
    if (options.fallback === undefined) throw new KizunaError('PROVIDER_UNAVAILABLE', detail);
    const draft = await options.fallback.answer(context);
    return { ...draft, fallbackReason: reason, answeredBy: options.fallback.id };
  }

  // A Japanese question may be answered in Japanese; the glossary reads it back for the check.
  const groundingFor = (context: AnswerContext) =>
    context.readJapanese === undefined
      ? options.grounding
      : { ...options.grounding, readJapanese: context.readJapanese };

  return {
    id: handle.id,
    usesModel: true,
    health: () => caller.health(),
    async answer(context, answerOptions = {}) {
      if (context.passages.length === 0) return { answered: false, text: NOT_ANSWERED_TEXT };

      const messages = await prompt.render({
        passages: formatPassagesForPrompt(context.passages),
        question: context.question,
        history: formatHistoryForPrompt(context.history),
        sentinel: NOT_IN_SOURCES_SENTINEL,
      });
      const onVerifiedText = answerOptions.onVerifiedText;
      const startedAt = performance.now();
      let reply: string;
      try {
        reply = await caller.call((signal) => {
          // A fresh stream per attempt: a retried call starts its verdicts again.
          const live =
            onVerifiedText && createGroundedStream(context.passages, groundingFor(context), prepare);
          return streamChatModel(handle, messages, {
            signal,
            ...(live && {
              onText: (delta: string) => {
                const verified = live.push(delta);
                if (verified !== undefined) onVerifiedText(capLength(verified, maxLength));
              },
            }),
          });
        });
      } catch (error) {
        if (!isKizunaError(error)) throw error;
        return fallBack(context, fallbackReasonFor(error), error.message);
      }
      const latencyMs = Math.round(performance.now() - startedAt);

      if (reply.toUpperCase().includes(NOT_IN_SOURCES_SENTINEL)) {
        logger.debug({ latencyMs, outcome: 'sentinel' }, 'model found no answer in the passages');
        return { answered: false, text: NOT_ANSWERED_TEXT };
      }

      const grounded = groundReply(prepare(reply), context.passages, groundingFor(context));
      for (const dropped of grounded.dropped) {
        logger.warn(
          { sentence: dropped.sentence, code: dropped.code, reason: dropped.reason },
          'dropped an unsupported sentence',
        );
      }
      if (!grounded.answers) {
        const first = grounded.dropped[0];
        const detail = `No sentence of the model's reply is supported by the passages it cites (${grounded.dropped.length} dropped${first ? `; first: ${first.reason}` : ''})`;
        return fallBack(context, UNVERIFIED_REPLY_REASON, detail);
      }

      const cited = [...new Set(grounded.kept.flatMap((kept) => kept.markers))];
      logger.debug(
        { latencyMs, outcome: 'answered', cited, dropped: grounded.dropped.length },
        'model answered',
      );
      return { answered: true, text: capLength(grounded.text, maxLength) };
    },
  };
}
