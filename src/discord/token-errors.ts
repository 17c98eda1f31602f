import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from 'discord.js';

/**
 * Whether an error means Discord refused the bot token: discord.js's `TokenInvalid` ("An invalid token was
 * provided.", raised by `login` when `/gateway/bot` answers 401), an HTTP 401 from any REST call
 * (`deploy-commands`), or the gateway closing with 4004 (authentication failed).
 */
export function isInvalidTokenError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid) return true;
  if ((error instanceof DiscordAPIError || error instanceof HTTPError) && error.status === 401) return true;
  // @discordjs/ws reports close code 4004 as a plain Error with this message and no code.
  return error.message === 'Authentication failed';
}
