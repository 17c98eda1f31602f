/** What `npm start` prints when there is no bot token: what to set, where, and how to try Kizuna without Discord. */
export const MISSING_TOKEN_MESSAGE = [
  'Kizuna cannot connect to Discord: DISCORD_TOKEN is not set.',
  '',
  '  1. Copy .env.example to .env (cp .env.example .env).',
  '  2. Set DISCORD_TOKEN=<your bot token> in .env (Developer Portal → your application → Bot → Reset Token).',
  '     The README section "Running Kizuna on Discord" walks through creating the application.',
  '',
  'To try Kizuna without Discord, run: npm run chat',
].join('\n');

/**
 * What every Discord entry point prints when Discord refuses the token (HTTP 401, "An invalid token was
 * provided"): which variable, the likely causes, and how to fix it. It never repeats the token, which is
 * a password and may be pasted into a chat or an issue.
 */
export const INVALID_TOKEN_MESSAGE = [
  'Discord rejected the bot token in DISCORD_TOKEN (401 Unauthorized): it is mistyped, or it was reset or revoked.',
  '',
  '  1. Open the Developer Portal (https://discord.com/developers/applications) → your application → Bot,',
  '     click Reset Token and copy the new token.',
  '  2. Put it in .env as DISCORD_TOKEN=<the new token> (the whole token, no quotes or spaces),',
  '     and make sure no DISCORD_TOKEN set in your shell overrides it.',
  '  3. Run the command again.',
].join('\n');
