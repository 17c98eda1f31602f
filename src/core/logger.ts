import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on standard error (standard output belongs to answers, e.g. `ask --json`).
 * Secrets are redacted by key name at the top level and one level down (`token`, `discord.token`, `apiKey`,
 * `openai.apiKey`, `authorization`), and inside a logged `config` (the `DiscordConfig` shape:
 * `config.discord.token`, `config.openai.apiKey`); tests/core/logger.test.ts logs the real shape.
 */
export function createLogger(
  level: string = 'info',
  destination: NodeJS.WritableStream = process.stderr,
): Logger {
  return pino(
    {
      name: 'kizuna',
      level,
      redact: {
        paths: [
          'token',
          '*.token',
          'apiKey',
          '*.apiKey',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'config.discord.token',
          'config.openai.apiKey',
          'config.storage.databaseUrl',
          'config.storage.userHashSecret',
          'databaseUrl',
          'userHashSecret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** A logger that drops everything, for tests and quiet tools. */
export const silentLogger: Logger = pino({ level: 'silent' });
