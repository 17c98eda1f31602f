import { describe, expect, it } from 'vitest';

import { communityMessages } from '../../../src/discord/community/community-messages.js';
import {
  formatGapsMessage,
  formatPrivacyMessage,
} from '../../../src/discord/community/community-presentation.js';
import { formatStorageStatus } from '../../../src/discord/community/storage-status.js';
import type { GapsReport } from '../../../src/storage/coverage-gaps.js';

const report: GapsReport = {
  since: 0,
  until: 1,
  servers: 1,
  totals: { asked: 12, answered: 7, refused: 4, up: 3, down: 2 },
  gaps: [
    { term: 'okinawa', count: 3, examples: ['Is Okinawa @everyone covered?'] },
    { term: 'tpp', count: 1, examples: [] },
  ],
  disliked: [
    {
      answerId: 'a',
      question: 'What does Reiwa mean?',
      downs: 2,
      ups: 1,
      reasons: { 'wrong-facts': 2 },
      comments: ['Off by <@123>'],
    },
    { answerId: 'b', downs: 1, ups: 0, reasons: { other: 1 }, comments: [] },
  ],
};

describe('the /gaps message', () => {
  it('GIVEN a report THEN shows the totals, the gaps by term with an example, and the 👎 answers with their reasons', () => {
    const text = JSON.stringify(formatGapsMessage(report, 7, communityMessages('en')).embeds);
    expect(text).toContain('Coverage gaps — last 7 days');
    expect(text).toContain('Asked 12 · Answered 7 · Refused 4 · 👍 3 · 👎 2');
    expect(text).toContain('**okinawa** ×3');
    expect(text).toContain('👎 ×2 · 👍 ×1 “What does Reiwa mean?” — Wrong facts ×2');
    expect(text).toContain('(question text not kept)');
  });

  it('GIVEN members’ text with mentions THEN they are neutralised', () => {
    const text = JSON.stringify(formatGapsMessage(report, 7, communityMessages('en')).embeds);
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('<@123>');
  });

  it('GIVEN a Japanese locale THEN it is in Japanese', () => {
    expect(JSON.stringify(formatGapsMessage(report, 30, communityMessages('ja')).embeds)).toContain(
      '過去30日間',
    );
  });
});

describe('the /privacy message', () => {
  it('GIVEN RETENTION_DAYS=0 THEN it says question text is not kept', () => {
    const text = JSON.stringify(
      formatPrivacyMessage(0, { questions: 0, questionTexts: 0, votes: 0 }, communityMessages('en')),
    );
    expect(text).toContain('Not the question text');
    expect(text).toContain('Nothing is stored about you.');
  });
});

describe('the /status storage line', () => {
  it('GIVEN working storage THEN names the database and the counters', () => {
    expect(
      formatStorageStatus({
        database: 'SQLite (.kizuna/kizuna.sqlite)',
        state: 'ok',
        written: 5,
        queued: 0,
        dropped: 0,
      }),
    ).toBe('SQLite (.kizuna/kizuna.sqlite) — ok · 5 recorded, 0 queued, 0 dropped');
  });

  it('GIVEN failing storage THEN says since when, why, and that answers carry on', () => {
    const line = formatStorageStatus({
      database: 'PostgreSQL (127.0.0.1:5432/kizuna)',
      state: 'failing',
      lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
      failingSince: Date.UTC(2026, 0, 1),
      written: 5,
      queued: 2,
      dropped: 1,
    });
    expect(line).toContain('FAILING since <t:1767225600:R>: connect ECONNREFUSED');
    expect(line).toContain('answers carry on');
  });
});
