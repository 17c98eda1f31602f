import { describe, expect, it } from 'vitest';

import { formatDuration, formatFactSheets, formatStatus } from '../../../src/cli/format/format-status.js';
import { summarizeProviderHealth } from '../../../src/core/models/provider-health.js';
import { coreStatus } from '../../support/fake-core.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
import { createFakeCore } from '../../support/fake-core.js';

describe('formatStatus', () => {
  it('shows counts, origin, models, uptime and question tallies', () => {
    const output = formatStatus(coreStatus(), { width: 80, color: false });
    expect(output).toContain('1 fact sheet, 3 passages, 1 quotation');
    expect(output).toContain(coreStatus().indexOrigin);
    expect(output).toContain(coreStatus().embedder);
    expect(output).toContain('2 answered, 1 refused');
    expect(output).toContain('1m 05s');
    expect(output).not.toContain('Last reload');
  });

  it('GIVEN a model provider THEN a Provider line summarises its state', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const provider = {
      provider: 'openai:gpt-4o-mini',
      lastError: { message: 'HTTP 500 (server error)', at: '2026-01-01T11:59:30Z' },
      recentCalls: 2,
      recentFailureRate: 0.5,
      meanLatencyMs: 300,
      inFlight: 0,
      queued: 0,
    };
    const output = formatStatus({ ...coreStatus(), provider }, { width: 80, color: false }, now);
    expect(output).toMatch(
      new RegExp(`Provider:\\s+${escapeRegExp(summarizeProviderHealth(provider, now))}`, 'u'),
    );
  });

  it('GIVEN no model provider THEN there is no Provider line', () => {
    expect(formatStatus(coreStatus(), { width: 80, color: false })).not.toContain('Provider');
  });

  it('reports a failed reload with its error', () => {
    const status = {
      ...coreStatus(),
      lastReload: { at: new Date('2024-01-02T00:00:00Z'), ok: false, error: 'bad front matter' },
    };
    expect(formatStatus(status, { width: 80, color: false })).toMatch(
      /Last reload:\s+failed: bad front matter/,
    );
  });
});

describe('formatFactSheets', () => {
  it('lists each fact sheet with its date and size', () => {
    const output = formatFactSheets(createFakeCore().sources(), { width: 80, color: false });
    expect(output).toContain(
      'Advancing Our Partnership with Japan (May 25, 2019) — The White House, Office of the Press Secretary',
    );
    expect(output).toContain('U.S.–Japan Friendship Fact Sheet (2018 (approximate)) — The White House');
    expect(output).toContain('2 passages, 1 quotation');
    expect(output).toContain('1 passage, 1 quotation');
  });
});

describe('formatDuration', () => {
  it('picks a unit that reads naturally', () => {
    expect(formatDuration(350)).toBe('350ms');
    expect(formatDuration(4_200)).toBe('4.2s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });
});
