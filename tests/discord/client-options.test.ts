import { GatewayIntentBits, IntentsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../src/config/load-discord-config.js';
import { createClientOptions } from '../../src/discord/client-options.js';

describe('createClientOptions', () => {
  const config = loadDiscordConfig({ DISCORD_API_BASE_URL: 'http://127.0.0.1:9/api' });

  it('asks only for guilds, guild messages and message content', () => {
    const intents = new IntentsBitField(createClientOptions(config).intents);
    expect(intents.bitfield).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );
  });

  it('disables every mention client-wide, including the replied-to user', () => {
    expect(createClientOptions(config).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('sends REST calls to DISCORD_API_BASE_URL', () => {
    expect(createClientOptions(config).rest?.api).toBe('http://127.0.0.1:9/api');
    expect(createClientOptions(loadDiscordConfig({})).rest?.api).toBe('https://discord.com/api');
  });
});
