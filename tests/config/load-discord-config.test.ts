import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/config/load-config.js';
import { loadDiscordConfig } from '../../src/config/load-discord-config.js';

const SNOWFLAKE = '123456789012345678';

describe('loadDiscordConfig', () => {
  it('GIVEN no variables THEN Discord gets its documented defaults and no token', () => {
    const config = loadDiscordConfig({});
    expect(config.discord).toEqual({
      token: undefined,
      applicationId: undefined,
      guildId: undefined,
      apiBaseUrl: 'https://discord.com/api',
      shardCount: 1,
      adminRoleIds: [],
      adminUserIds: [],
      askCooldownSeconds: 5,
    });
    expect(config.maxQuestionLength).toBe(500);
  });

  it('returns a frozen object, Discord settings included', () => {
    const config = loadDiscordConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.discord)).toBe(true);
    expect(Object.isFrozen(config.discord.adminRoleIds)).toBe(true);
  });

  it('parses comma-separated admin ids and numbers', () => {
    const config = loadDiscordConfig({
      ADMIN_USER_IDS: `${SNOWFLAKE}, 22345678901234567890`,
      ASK_COOLDOWN_SECONDS: '2.5',
    });
    expect(config.discord.adminUserIds).toEqual([SNOWFLAKE, '22345678901234567890']);
    expect(config.discord.askCooldownSeconds).toBe(2.5);
  });

  it.each([
    ['DISCORD_API_BASE_URL', 'not a url'],
    ['DISCORD_SHARD_COUNT', '0'],
    ['ASK_COOLDOWN_SECONDS', '-1'],
  ])('GIVEN a bad %s THEN the error names that variable', (variable, value) => {
    expect(() => loadDiscordConfig({ [variable]: value })).toThrowError(ConfigError);
    expect(() => loadDiscordConfig({ [variable]: value })).toThrowError(new RegExp(`${variable}:`));
  });

  it.each([
    ['DISCORD_APPLICATION_ID', '123'],
    ['DISCORD_GUILD_ID', '1234567890123456'],
    ['DISCORD_GUILD_ID', '123456789012345678901'],
    ['ADMIN_ROLE_IDS', 'moderators'],
    ['ADMIN_USER_IDS', `${SNOWFLAKE},42`],
  ])('GIVEN %s=%s THEN it says a Discord id has 17–20 digits (a snowflake)', (variable, value) => {
    expect(() => loadDiscordConfig({ [variable]: value })).toThrowError(
      new RegExp(`${variable}: .*Discord id of 17–20 digits \\(a snowflake`, 'u'),
    );
  });

  it('accepts ids of 17 and of 20 digits', () => {
    const config = loadDiscordConfig({
      DISCORD_APPLICATION_ID: '12345678901234567',
      DISCORD_GUILD_ID: '12345678901234567890',
    });
    expect(config.discord.applicationId).toBe('12345678901234567');
    expect(config.discord.guildId).toBe('12345678901234567890');
  });

  it('reports a shared and a Discord problem together, so one run shows everything to fix', () => {
    expect(() => loadDiscordConfig({ LOG_LEVEL: 'loud', DISCORD_SHARD_COUNT: '0' })).toThrowError(
      /LOG_LEVEL[\s\S]*DISCORD_SHARD_COUNT/u,
    );
  });

  it('never puts the token in its error message', () => {
    expect(() =>
      loadDiscordConfig({ DISCORD_TOKEN: 'MTIz.secret-token', DISCORD_GUILD_ID: 'x' }),
    ).toThrowError(ConfigError);
    try {
      loadDiscordConfig({ DISCORD_TOKEN: 'MTIz.secret-token', DISCORD_GUILD_ID: 'x' });
    } catch (error) {
      expect(String(error)).not.toContain('secret-token');
    }
  });
});

describe('storage configuration', () => {
  it('GIVEN no variables THEN the SQLite file under .kizuna, 30 days of question text, no direct messages', () => {
    expect(loadDiscordConfig({}).storage).toEqual({
      databaseUrl: undefined,
      databaseFile: '.kizuna/kizuna.sqlite',
      retentionDays: 30,
      userHashSecret: undefined,
      recordDirectMessages: false,
    });
  });

  it('GIVEN PostgreSQL, RETENTION_DAYS=0 and the DM opt-in THEN they are read as given', () => {
    const storage = loadDiscordConfig({
      DATABASE_URL: 'postgres://kizuna:pw@db.internal:5432/kizuna',
      RETENTION_DAYS: '0',
      RECORD_DIRECT_MESSAGES: 'yes',
      USER_HASH_SECRET: 'a-long-enough-secret',
    }).storage;
    expect(storage).toMatchObject({
      databaseUrl: 'postgres://kizuna:pw@db.internal:5432/kizuna',
      retentionDays: 0,
      recordDirectMessages: true,
      userHashSecret: 'a-long-enough-secret',
    });
  });

  it('GIVEN bad values THEN each is named, and no value (a password, a secret) is quoted', () => {
    let error: unknown;
    try {
      loadDiscordConfig({
        DATABASE_URL: 'mysql://root:hunter2@db/kizuna',
        RETENTION_DAYS: '-1',
        USER_HASH_SECRET: 'short',
        RECORD_DIRECT_MESSAGES: 'perhaps',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const variable of ['DATABASE_URL', 'RETENTION_DAYS', 'USER_HASH_SECRET', 'RECORD_DIRECT_MESSAGES'])
      expect(message).toContain(variable);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('short');
  });
});
