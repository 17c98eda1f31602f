import { describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { messages } from '../../../src/core/language/messages.js';
import { validateQuestion } from '../../../src/core/service/validate-question.js';
import { Cooldowns } from '../../../src/discord/interactions/cooldowns.js';
import { localizeInputError } from '../../../src/discord/interactions/localize-input-error.js';
import { assertAdmin } from '../../../src/discord/interactions/permissions.js';

const ja = messages('ja');
const en = messages('en');

function thrown(action: () => unknown): KizunaError {
  try {
    action();
  } catch (error) {
    if (error instanceof KizunaError) return error;
    throw error;
  }
  throw new Error('expected a KizunaError');
}

describe('notices for a Japanese user', () => {
  it('GIVEN a second question too soon THEN the cooldown says so in Japanese', () => {
    let now = 0;
    const cooldowns = new Cooldowns(() => now);
    const lease = cooldowns.acquire('u', 'ask', 5, ja);
    expect(thrown(() => cooldowns.acquire('u', 'ask', 5, ja)).message).toBe(ja.cooldownBusy);
    lease.release();
    now = 1000;
    expect(thrown(() => cooldowns.acquire('u', 'ask', 5, ja)).message).toBe(ja.cooldownWait(4, '4.0 s'));
  });

  it('GIVEN a non-admin or a DM THEN the admin refusal is in Japanese', () => {
    const lists = { adminRoleIds: [], adminUserIds: [] };
    const member = { userId: 'u', inGuild: true, permissions: 0n, roleIds: [] };
    expect(thrown(() => assertAdmin(member, lists, ja)).message).toBe(ja.adminOnly);
    expect(thrown(() => assertAdmin({ ...member, inGuild: false }, lists, ja)).message).toBe(
      ja.adminOnlyInServer,
    );
  });

  it("GIVEN the core's English refusal of an empty or too-long question THEN it is reworded in Japanese", () => {
    const empty = thrown(() => validateQuestion('   ', 10));
    expect((localizeInputError(empty, ja, '   ', 10) as KizunaError).message).toBe(ja.emptyQuestion);
    const long = thrown(() => validateQuestion('あ'.repeat(12), 10));
    const reworded = localizeInputError(long, ja, 'あ'.repeat(12), 10) as KizunaError;
    expect(reworded.message).toBe(ja.questionTooLong(12, 10));
    expect(reworded.code).toBe('QUESTION_TOO_LONG');
  });

  it('GIVEN an English user, or an error that is not about the question THEN it is left alone', () => {
    const empty = thrown(() => validateQuestion('', 10));
    expect(localizeInputError(empty, en, '', 10)).toBe(empty);
    const unexpected = new Error('boom');
    expect(localizeInputError(unexpected, ja, 'x', 10)).toBe(unexpected);
  });
});
