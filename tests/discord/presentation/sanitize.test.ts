import { describe, expect, it } from 'vitest';

import { neutralizeMentions, noMentions } from '../../../src/discord/presentation/sanitize.js';

describe('neutralizeMentions', () => {
  it('breaks @everyone and @here so they cannot render as mentions', () => {
    const safe = neutralizeMentions('Hey @everyone and @here, look');
    expect(safe).not.toMatch(/@everyone|@here/u);
    expect(safe.replace(/\u200b/gu, '')).toBe('Hey @everyone and @here, look');
  });

  it('breaks role mentions', () => {
    const safe = neutralizeMentions('ping <@&123456789012345678>');
    expect(safe).not.toMatch(/<@&\d+>/u);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeMentions('What about trade with Japan?')).toBe('What about trade with Japan?');
  });
});

describe('noMentions', () => {
  it('allows no mention of any kind, not even the replied-to user', () => {
    expect(noMentions()).toEqual({ parse: [], repliedUser: false });
  });
});

describe('neutralizeMentions on echoed question markup', () => {
  it.each([
    ['a user mention', '<@123456789012345678> hi'],
    ['a nickname mention', '<@!123456789012345678> hi'],
    ['a channel link', '<#123456789012345678> what does Reiwa mean?'],
    ['a custom emoji', '<:sakura:123456789012345678> trade?'],
    ['a command mention', '</ask:123456789012345678> trade?'],
  ])('GIVEN %s THEN it is left readable but cannot render', (_kind, text) => {
    const safe = neutralizeMentions(text);
    expect(safe).not.toBe(text);
    expect(safe.replace(/\u200b/gu, '')).toBe(text);
  });

  it('GIVEN a Discord timestamp Kizuna wrote itself THEN it still renders', () => {
    expect(neutralizeMentions('since <t:1700000000:R>')).toBe('since <t:1700000000:R>');
  });
});
