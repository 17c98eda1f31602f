import { describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { providerUnavailable, sanitize } from '../../../src/core/models/provider-unavailable.js';

const context = {
  subject: 'chat model',
  host: 'models.example:8080',
  timeoutMs: 1234,
  secrets: ['my-secret-key-value'],
};

function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

describe('providerUnavailable', () => {
  it('names the subject, host and HTTP status with a hint', () => {
    const error = providerUnavailable(
      httpError(401, '401 Incorrect API key provided: my-secret-key-value'),
      context,
    );

    expect(error).toBeInstanceOf(KizunaError);
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toBe(
      'The chat model at models.example:8080 did not answer: HTTP 401 (the API key was rejected): Incorrect API key provided: [redacted]',
    );
  });

  it('reports timeouts with the configured limit', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');

    expect(providerUnavailable(timeout, context).message).toBe(
      'The chat model at models.example:8080 did not answer: no reply within 1234 ms',
    );
  });

  it('reports connection failures with their code', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });

    expect(providerUnavailable(refused, context).message).toMatch(/could not connect \(ECONNREFUSED\)$/);
  });

  it('passes a KizunaError through unchanged', () => {
    const original = new KizunaError('PROVIDER_UNAVAILABLE', 'already explained');

    expect(providerUnavailable(original, context)).toBe(original);
  });

  it('never carries the original error, which may hold the key', () => {
    expect(providerUnavailable(httpError(500, 'my-secret-key-value'), context).cause).toBeUndefined();
  });
});

describe('sanitize', () => {
  it('removes configured secrets, key-shaped strings, bearer tokens and LangChain links', () => {
    const text =
      'key my-secret-key-value, other sk-proj-abc123***xyz, header Bearer abc.def Troubleshooting URL: https://x.example/y';

    expect(sanitize(text, ['my-secret-key-value'])).toBe(
      'key [redacted], other [redacted], header Bearer [redacted]',
    );
  });

  it('keeps messages short', () => {
    expect(sanitize('x'.repeat(500), []).length).toBeLessThanOrEqual(201);
  });
});
