import { INVALID_TOKEN_MESSAGE } from './startup-messages.js';
import { isInvalidTokenError } from './token-errors.js';

/**
 * What a Discord entry point prints when it fails: the token message when Discord refused the token,
 * otherwise `<doing>: <the error's message>`. Never a stack trace; the person can act on one paragraph.
 */
export function describeStartupFailure(error: unknown, doing: string): string {
  if (isInvalidTokenError(error)) return INVALID_TOKEN_MESSAGE;
  return `${doing}: ${error instanceof Error ? error.message : String(error)}`;
}
