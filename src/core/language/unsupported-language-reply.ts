/**
 * The reply to a question in a language Kizuna does not answer in. It is the same in both catalogues and
 * always in English and Japanese, because the asker reads neither language for sure: "I answer in English
 * and Japanese" is the one thing they need to learn, in the languages they can then use.
 */
export function unsupportedLanguageReply(languageName?: string): string {
  const seen = languageName === undefined ? '' : `Your question looks like ${languageName}. `;
  return (
    `${seen}I can answer in English or Japanese: please ask again in one of them, e.g. “What does Reiwa mean?”\n` +
    '英語または日本語でお答えします。どちらかの言語でもう一度ご質問ください。例：「令和とはどういう意味ですか？」'
  );
}
