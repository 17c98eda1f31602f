import { Client, DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { describeStartupFailure } from '../../../src/discord/describe-startup-failure.js';
import { INVALID_TOKEN_MESSAGE } from '../../../src/discord/startup-messages.js';
import { isInvalidTokenError } from '../../../src/discord/token-errors.js';

const unauthorized = (): DiscordAPIError =>
  new DiscordAPIError(
    { message: '401: Unauthorized', code: 0 },
    0,
    401,
    'GET',
    'https://x/api/v10/applications/@me',
    {},
  );

describe('isInvalidTokenError', () => {
  it('GIVEN discord.js TokenInvalid ("An invalid token was provided.") THEN true', async () => {
    // The genuine error, from discord.js itself: login refuses an empty token before any network call.
    const error: unknown = await new Client({ intents: [] }).login('').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('An invalid token was provided.');
    expect(isInvalidTokenError(error)).toBe(true);
  });

  it('GIVEN an HTTP 401 from the REST API THEN true', () => {
    expect(isInvalidTokenError(unauthorized())).toBe(true);
  });

  it('GIVEN the gateway closing with 4004 (authentication failed) THEN true', () => {
    expect(isInvalidTokenError(new Error('Authentication failed'))).toBe(true);
  });

  it('GIVEN a 403, a network error or a non-error THEN false', () => {
    const forbidden = new DiscordAPIError(
      { message: 'Missing Access', code: 50001 },
      50001,
      403,
      'PUT',
      'u',
      {},
    );
    expect(isInvalidTokenError(forbidden)).toBe(false);
    expect(isInvalidTokenError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toBe(false);
    expect(isInvalidTokenError('401')).toBe(false);
  });
});

describe('describeStartupFailure', () => {
  it('GIVEN a refused token THEN it names DISCORD_TOKEN and says to reset it in the Developer Portal and put it in .env', () => {
    const text = describeStartupFailure(unauthorized(), 'Could not register the commands');
    expect(text).toBe(INVALID_TOKEN_MESSAGE);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).toMatch(/Developer Portal.*Reset Token/su);
    expect(text).toMatch(/\.env as DISCORD_TOKEN=/u);
  });

  it('GIVEN any other failure THEN what was being done and the error message', () => {
    expect(describeStartupFailure(new Error('disk full'), 'Kizuna could not start')).toBe(
      'Kizuna could not start: disk full',
    );
  });
});
