import { describe, expect, it } from 'vitest';

import { formatDuration } from '../../../src/discord/presentation/format-duration.js';
import { formatReloadReport } from '../../../src/discord/presentation/reload-report-message.js';
import { FAKE_REPORT } from '../../support/fake-core.js';

const shown = (message: ReturnType<typeof formatReloadReport>): string =>
  (message.embeds ?? [])
    .flatMap((embed) => [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ])
    .join('\n');

describe('formatReloadReport', () => {
  it('says what changed and how long it took', () => {
    const text = shown(formatReloadReport([{ shardIds: [], ok: true, report: FAKE_REPORT }]));
    expect(text).toMatch(/reloaded/iu);
    expect(text).toContain(`Added ${FAKE_REPORT.added}`);
    expect(text).toContain(`removed ${FAKE_REPORT.removed}`);
    expect(text).toContain(`changed ${FAKE_REPORT.changed}`);
    expect(text).toContain(`kept ${FAKE_REPORT.kept}`);
    expect(text).toContain(`${FAKE_REPORT.passageCount} passages`);
    expect(text).toContain(formatDuration(FAKE_REPORT.durationMs));
    expect(text).toContain(FAKE_REPORT.previousFingerprint.slice(0, 12));
    expect(text).toContain(FAKE_REPORT.fingerprint.slice(0, 12));
  });

  it('says a failure kept the previous knowledge, and why', () => {
    const text = shown(
      formatReloadReport([{ shardIds: [], ok: false, error: 'knowledge/x.md line 3: no title' }]),
    );
    expect(text).toMatch(/previous knowledge is still serving/iu);
    expect(text).toContain('knowledge/x.md line 3: no title');
  });

  it('gives one line per shard, flagging the shards that failed', () => {
    const text = shown(
      formatReloadReport([
        { shardIds: [0], ok: true, report: FAKE_REPORT },
        { shardIds: [1], ok: false, error: 'shard 1 could not be reached' },
      ]),
    );
    expect(text).toMatch(/failed on 1 of 2 shards/iu);
    expect(text).toContain('Shard 0');
    expect(text).toContain('Shard 1');
    expect(text).toContain('shard 1 could not be reached');
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [1234, '1.2 s'],
    [42_000, '42 s'],
    [184_000, '3 min 4 s'],
    [7_500_000, '2 h 5 min'],
    [277_200_000, '3 d 5 h'],
  ])('formats %i ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
