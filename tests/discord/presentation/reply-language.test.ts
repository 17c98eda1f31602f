import { describe, expect, it } from 'vitest';

import { catalogueForLocale, languageOfLocale } from '../../../src/discord/presentation/reply-language.js';

describe('languageOfLocale', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['fr', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ] as const)('GIVEN the Discord locale %s THEN Kizuna replies in %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
    expect(catalogueForLocale(locale).language).toBe(language);
  });
});
