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
