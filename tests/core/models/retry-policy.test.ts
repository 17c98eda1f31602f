import { describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { isRetryable, retryAfterMs, retryDelayMs } from '../../../src/core/models/retry-policy.js';

// As LangChain's OpenAI wrapper rethrows them: the SDK's class, with `name` reset to "Error".
class APIConnectionError extends Error {}
class APIConnectionTimeoutError extends APIConnectionError {}

const policy = { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 5_000 };

describe('isRetryable', () => {
  it.each([
    [{ status: 429 }, true],
    [{ status: 503 }, true],
    [{ status: 408 }, true],
    [{ status: 401 }, false],
    [{ status: 404 }, false],
    [Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), false],
    [Object.assign(new Error('Connection error.'), { name: 'APIConnectionError' }), true],
    [new TypeError('fetch failed'), true],
    [new APIConnectionError('Connection error.'), true],
    [new APIConnectionTimeoutError('Request timed out.'), false],
    [new KizunaError('PROVIDER_UNAVAILABLE', 'the reply stream broke off'), false],
  ])('%o → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds, from headers or from LangChain’s retryAfterMs', () => {
    expect(retryDelayMs({ status: 429, headers: new Headers({ 'retry-after': '2' }) }, 1, policy)).toBe(
      2_000,
    );
    expect(retryDelayMs({ status: 429, retryAfterMs: 1_500 }, 1, policy)).toBe(1_500);
  });

  it('honours Retry-After as an HTTP date', () => {
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    expect(retryAfterMs({ headers: { 'retry-after': inThreeSeconds } })).toBeGreaterThan(1_500);
  });

  it('gives up (undefined) when the server asks for longer than the longest wait', () => {
    expect(retryDelayMs({ status: 429, headers: { 'retry-after': '60' } }, 1, policy)).toBeUndefined();
  });

  it('backs off exponentially with ±25% jitter otherwise', () => {
    expect(retryDelayMs({ status: 500 }, 1, policy, () => 0.5)).toBe(200);
    expect(retryDelayMs({ status: 500 }, 2, policy, () => 0.5)).toBe(400);
    expect(retryDelayMs({ status: 500 }, 2, policy, () => 0)).toBe(300);
    expect(retryDelayMs({ status: 500 }, 10, policy, () => 1)).toBe(5_000);
  });
});
