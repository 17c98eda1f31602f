import type { AskRequest } from '../core/types.js';
import { CliUsageError } from './parse-cli-args.js';

/** A preferred reply language, as `AskRequest` takes it. */
export type CliLanguage = NonNullable<AskRequest['language']>;

/** The `--lang` option's definition, shared by `ask` and `chat`. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/** Help text for `--lang`, aligned with the other options. */
export const LANG_HELP =
  '  --lang LANG Prefer this language for replies: en or ja (a question written in Japanese is\n' +
  '              answered in Japanese either way; the sheets are quoted in English).';

/**
 * Reads `--lang`: `en` or `ja` (any case), or nothing. Anything else is a usage error that says what is
 * accepted, rather than being silently ignored.
 */
export function parseLanguageOption(value: string | undefined): CliLanguage | undefined {
  if (value === undefined) return undefined;
  const language = value.trim().toLowerCase();
  if (language === 'en' || language === 'ja') return language;
  throw new CliUsageError(`Unknown language "${value}" for --lang: use en or ja.`);
}

/** An ask request with the preferred language only when one was chosen (the core's default is English). */
export function withLanguage<T extends object>(
  request: T,
  language: CliLanguage | undefined,
): T & { language?: CliLanguage } {
  return language === undefined ? request : { ...request, language };
}
