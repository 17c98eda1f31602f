import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { adminVerdict, assertAdmin, type Requester } from '../../../src/discord/interactions/permissions.js';

const lists = { adminRoleIds: ['111111111111111111'], adminUserIds: ['222222222222222222'] };
const member = (overrides: Partial<Requester>): Requester => ({
  userId: '999999999999999999',
  inGuild: true,
  permissions: 0n,
  roleIds: [],
  ...overrides,
});

describe('adminVerdict', () => {
  it('allows Administrator and Manage Server', () => {
    expect(adminVerdict(member({ permissions: PermissionFlagsBits.Administrator }), lists)).toBe('allowed');
    expect(adminVerdict(member({ permissions: PermissionFlagsBits.ManageGuild }), lists)).toBe('allowed');
  });

  it('allows listed roles and users', () => {
    expect(adminVerdict(member({ roleIds: ['111111111111111111'] }), lists)).toBe('allowed');
    expect(adminVerdict(member({ userId: '222222222222222222' }), lists)).toBe('allowed');
  });

  it('refuses everyone else, even with other permissions', () => {
    expect(
      adminVerdict(
        member({ permissions: PermissionFlagsBits.ManageMessages | PermissionFlagsBits.SendMessages }),
        lists,
      ),
    ).toBe('not-admin');
  });

  it('refuses in DMs, even a listed user', () => {
    expect(adminVerdict(member({ inGuild: false, userId: '222222222222222222' }), lists)).toBe(
      'not-in-guild',
    );
  });
});

describe('assertAdmin', () => {
  it('throws a polite FORBIDDEN error for non-admins and in DMs', () => {
    expect(() => assertAdmin(member({}), lists)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertAdmin(member({ inGuild: false }), lists)).toThrow(/direct messages/u);
  });
});
