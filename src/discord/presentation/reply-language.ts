import { messages, type MessageCatalogue, type ReplyLanguage } from '../../core/language/messages.js';

/**
 * The reply language for a Discord locale (`ja`, `en-US`, …): Japanese for any Japanese locale, English
 * otherwise, since those are the two languages Kizuna speaks. Missing locales (DMs of old clients) are English.
 */
export function languageOfLocale(locale: string | null | undefined): ReplyLanguage {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The message catalogue for a Discord locale. */
export function catalogueForLocale(locale: string | null | undefined): MessageCatalogue {
  return messages(languageOfLocale(locale));
}
