import { describe, expect, it } from 'vitest';

import { capLength, neutralizeDiscordSyntax } from '../../../src/core/models/neutralize-model-text.js';

describe('neutralizeDiscordSyntax', () => {
  it.each([
    ['@everyone look', '@\u200Beveryone look'],
    ['@HERE now', '@\u200BHERE now'],
    ['ask <@123456789012345678> or <@!123456789012345678>', 'ask @user or @user'],
    ['ping <@&123456789012345678>', 'ping @role'],
    ['see <#123456789012345678>', 'see #channel'],
    ['run </ask:123456789012345678>', 'run /ask'],
    ['read [the sheet](https://evil.example/x "title")', 'read the sheet'],
    ['a marker-shaped link [[1]](https://evil.example)', 'a marker-shaped link [1]'],
    [
      'join https://discord.gg/abc-123 or discord.com/invite/xyz',
      'join [invite link removed] or [invite link removed]',
    ],
  ])('%s → %s', (input, expected) => {
    expect(neutralizeDiscordSyntax(input)).toBe(expected);
  });

  it('leaves citation markers and ordinary text alone', () => {
    expect(neutralizeDiscordSyntax('Japan invested [1][2]; e-mail me@example.com.')).toBe(
      'Japan invested [1][2]; e-mail me@example.com.',
    );
  });
});

describe('capLength', () => {
  it('keeps text within the limit as is', () => {
    expect(capLength('Short [1].', 100)).toBe('Short [1].');
  });

  it('cuts at the last whole sentence (with its markers) that fits', () => {
    expect(capLength('One two [1]. Three four [2]. Five six seven [3].', 32)).toBe(
      'One two [1]. Three four [2].',
    );
  });

  it('cuts at a word with an ellipsis when no sentence fits', () => {
    expect(capLength('a '.repeat(50), 10)).toBe('a a a a a…');
  });
});
