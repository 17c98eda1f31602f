import { describe, expect, it } from 'vitest';

import { loadDiscordConfig } from '../../src/config/load-discord-config.js';
import { createLogger } from '../../src/core/logger.js';

const TOKEN = 'discord-token-never-logged';
const API_KEY = 'sk-never-logged';

/** What the logger writes for one call, as text (so a secret anywhere in it would show). */
function logged(write: (logger: ReturnType<typeof createLogger>) => void): string {
  let text = '';
  const logger = createLogger('info', {
    write(chunk: string) {
      text += chunk;
      return true;
    },
  } as NodeJS.WritableStream);
  write(logger);
  return text;
}

describe('createLogger redaction, against the real configuration shape', () => {
  const config = loadDiscordConfig({ DISCORD_TOKEN: TOKEN, OPENAI_API_KEY: API_KEY });

  it.each([
    ['the whole configuration under `config`', { config }],
    ['the whole configuration as the logged object', config],
    ["Discord's settings under `discord`", { discord: config.discord }],
    ["OpenAI's settings under `openai`", { openai: config.openai }],
    ['a bare token and key', { token: TOKEN, apiKey: API_KEY }],
    ['an authorization header', { headers: { authorization: `Bot ${TOKEN}` } }],
  ])('GIVEN %s THEN neither the token nor the API key is written', (_what, object) => {
    const text = logged((logger) => logger.info(object, 'configuration'));
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(API_KEY);
  });
});
