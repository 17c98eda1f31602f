import type { Logger } from '../logger.js';
import { ModelCallGate, type ModelCallGateOptions } from './model-call-gate.js';
import { ProviderHealth, type ProviderHealthSnapshot } from './provider-health.js';
import { providerUnavailable, type ProviderFailureContext } from './provider-unavailable.js';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, type RetryPolicy } from './retry-policy.js';

export interface ModelCallerOptions extends ModelCallGateOptions {
  /** The answerer id, e.g. "openai:gpt-4o-mini". */
  readonly provider: string;
  /** Host, `MODEL_TIMEOUT_MS` and secrets, for failure messages; `timeoutMs` is the whole call's budget. */
  readonly failureContext: ProviderFailureContext;
  readonly retry?: Partial<RetryPolicy>;
  readonly logger: Logger;
}

/** One attempt at a model call; it must stop when `signal` aborts. */
export type ModelAttempt<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Every model call goes through one of these: a concurrency gate, a deadline, retries, and the health
 * record `/status` shows. Share one per provider between the answerer and the question condenser.
 */
export interface ModelCaller {
  /**
   * Runs `attempt` within `MODEL_TIMEOUT_MS` in all (queue wait, attempts and back-offs together),
   * retrying rate limits, server errors and dropped connections with back-off (honouring Retry-After)
   * while the budget allows.
   *
   * @throws KizunaError `PROVIDER_UNAVAILABLE` (message free of secrets) when the gate is full, the
   *   deadline passes, or the last attempt fails.
   */
  call<T>(attempt: ModelAttempt<T>): Promise<T>;
  /** The provider's recent state: last success, last error, failure rate and mean latency. */
  health(): ProviderHealthSnapshot;
}

/** Creates a {@link ModelCaller}; see its options for the defaults. */
export function createModelCaller(options: ModelCallerOptions): ModelCaller {
  const gate = new ModelCallGate(options);
  const health = new ProviderHealth(options.provider);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const context = options.failureContext;
  const logger = options.logger.child({ component: 'model-caller', provider: options.provider });

  return {
    health: () => health.snapshot({ inFlight: gate.inFlight, queued: gate.queued }),
    async call<T>(attempt: ModelAttempt<T>): Promise<T> {
      const deadline = performance.now() + context.timeoutMs;
      return gate.run(
        async () => {
          for (let retry = 0; ; retry += 1) {
            const remaining = Math.max(1, Math.round(deadline - performance.now()));
            const startedAt = performance.now();
            try {
              const result = await attempt(AbortSignal.timeout(remaining));
              health.recordSuccess(performance.now() - startedAt);
              return result;
            } catch (error) {
              const failure = providerUnavailable(error, context);
              health.recordFailure(failure.message, performance.now() - startedAt);
              const delay =
                retry < policy.maxRetries && isRetryable(error)
                  ? retryDelayMs(error, retry + 1, policy)
                  : undefined;
              if (delay === undefined || performance.now() + delay >= deadline) throw failure;
              logger.warn(
                { retry: retry + 1, delayMs: delay, reason: failure.message },
                'model call failed; retrying',
              );
              await sleep(delay);
            }
          }
        },
        () => context.subject + ` at ${context.host}`,
      );
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
