import { describe, expect, it } from 'vitest';

import { isKizunaError } from '../../../src/core/errors.js';
import { Cooldowns } from '../../../src/discord/interactions/cooldowns.js';

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isKizunaError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Cooldowns', () => {
  it('refuses a second request from the same user during the cooldown, saying how long to wait', () => {
    let now = 0;
    const cooldowns = new Cooldowns(() => now);
    cooldowns.acquire('u1', 'ask', 5).release();
    now = 2000;
    const refused = refusal(() => cooldowns.acquire('u1', 'ask', 5));
    expect(refused.code).toBe('COOLDOWN');
    expect(refused.message).toMatch(/wait 3\.0 s/u);
    now = 5000;
    expect(() => cooldowns.acquire('u1', 'ask', 5)).not.toThrow();
  });

  it('keeps users and commands apart', () => {
    const cooldowns = new Cooldowns(() => 0);
    cooldowns.acquire('u1', 'ask', 60);
    expect(() => cooldowns.acquire('u2', 'ask', 60)).not.toThrow();
    expect(() => cooldowns.acquire('u1', 'quote', 60)).not.toThrow();
  });

  it('refuses a new request while the previous one is still running, even with no cooldown', () => {
    const cooldowns = new Cooldowns(() => 0);
    const lease = cooldowns.acquire('u1', 'ask', 0);
    expect(refusal(() => cooldowns.acquire('u1', 'ask', 0)).message).toMatch(/previous question/u);
    lease.release();
    expect(() => cooldowns.acquire('u1', 'ask', 0)).not.toThrow();
  });

  it('forgets expired entries so memory stays bounded', () => {
    let now = 0;
    const cooldowns = new Cooldowns(() => now);
    for (let user = 0; user < 1500; user += 1) cooldowns.acquire(`u${user}`, 'ask', 1).release();
    now = 10_000;
    cooldowns.acquire('late', 'ask', 1).release();
    expect(cooldowns.size).toBeLessThan(10);
  });
});
