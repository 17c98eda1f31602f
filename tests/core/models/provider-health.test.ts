import { describe, expect, it } from 'vitest';

import { ProviderHealth } from '../../../src/core/models/provider-health.js';

describe('ProviderHealth', () => {
  it('starts with nothing recorded', () => {
    expect(new ProviderHealth('openai:m').snapshot()).toEqual({
      provider: 'openai:m',
      recentCalls: 0,
      recentFailureRate: 0,
      inFlight: 0,
      queued: 0,
    });
  });

  it('reports last success, last error, failure rate and mean latency over the last N calls', () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const health = new ProviderHealth('openai:m', 4, () => new Date((clock += 1_000)));

    health.recordFailure('old failure', 900);
    health.recordSuccess(100);
    health.recordSuccess(300);
    health.recordFailure('HTTP 503 (server error)', 1_000);
    health.recordSuccess(200);

    expect(health.snapshot({ inFlight: 1, queued: 2 })).toEqual({
      provider: 'openai:m',
      lastSuccessAt: '2026-01-01T00:00:05.000Z',
      lastError: { message: 'HTTP 503 (server error)', at: '2026-01-01T00:00:04.000Z' },
      recentCalls: 4,
      recentFailureRate: 0.25,
      meanLatencyMs: 400,
      inFlight: 1,
      queued: 2,
    });
  });
});
