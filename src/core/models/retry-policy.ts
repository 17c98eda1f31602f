import { isKizunaError } from '../errors.js';
import { providerErrorStatus } from './provider-unavailable.js';

export interface RetryPolicy {
  /** Retries after the first attempt. @default 2 */
  readonly maxRetries: number;
  /** First back-off in milliseconds; doubled each retry, with ±25% jitter. @default 250 */
  readonly baseDelayMs: number;
  /** Longest back-off, and longest Retry-After honoured, in milliseconds. @default 5000 */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 250, maxDelayMs: 5_000 };

/**
 * True for failures worth another try: rate limiting (429), server errors (5xx), 408, and connection
 * failures. Not for other 4xx (a bad key stays bad), not for timeouts (the budget is spent), not for
 * unusable replies (Kizuna's own `KizunaError`s) and not once the caller gave up.
 */
export function isRetryable(error: unknown): boolean {
  if (isKizunaError(error)) return false;
  const status = providerErrorStatus(error);
  if (status !== undefined) return status === 408 || status === 429 || status >= 500;
  const name = errorName(error);
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'APIConnectionTimeoutError') return false;
  return (
    name === 'APIConnectionError' || /fetch failed|ECONNRE|socket hang up|terminated/i.test(String(error))
  );
}

// LangChain's OpenAI wrapper rethrows the SDK's APIConnectionError with `name` reset to "Error", so the
// class name is what still tells a refused connection (measured with @langchain/openai 1.5.8).
function errorName(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name } = error as { name?: unknown };
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name;
  return name === 'Error' && typeof className === 'string' ? className : name;
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): the server's `Retry-After` (seconds or an
 * HTTP date; LangChain's `retryAfterMs` too) when it sent one, otherwise exponential back-off with jitter.
 * Undefined when the server asks for longer than `maxDelayMs`: better to fall back now than keep a person
 * waiting.
 */
export function retryDelayMs(
  error: unknown,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  const asked = retryAfterMs(error);
  if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  return Math.min(policy.maxDelayMs, Math.round(exponential * (0.75 + random() * 0.5)));
}

/** The wait a rate-limited response asked for, in milliseconds, if any. */
export function retryAfterMs(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { retryAfterMs?: unknown; headers?: unknown };
  if (typeof record.retryAfterMs === 'number' && record.retryAfterMs >= 0) return record.retryAfterMs;
  const header = headerValue(record.headers, 'retry-after');
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (typeof headers === 'object' && headers !== null) {
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
