/**
 * The Japanese language layer: pure functions the answering pipeline calls before and after the
 * English core. Detect the language, translate a Japanese question into English retrieval words, and
 * pick the reply strings. Nothing here touches the index or Discord.
 */
export {
  detectLanguage,
  isUnsupported,
  type DetectedLanguage,
  type UnsupportedLanguage,
} from './detect-language.js';
export { GLOSSARY_KINDS, type Glossary, type GlossaryEntry, type GlossaryKind } from './glossary.js';
export { GLOSSARY_HEADER, parseGlossary } from './parse-glossary.js';
export { JAPANESE_GLOSSARY_PATH, loadGlossary } from './load-glossary.js';
export {
  englishTermsToCover,
  glossaryCoverage,
  missingGlossaryTerms,
  reachableStems,
  type EnglishTerm,
  type GlossaryCoverage,
} from './glossary-coverage.js';
export { formatCoverageReport } from './coverage-report.js';
export { ENGLISH_NUMBER_WORDS, findJapaneseNumbers, type JapaneseNumber } from './japanese-numbers.js';
export { askedFor, ASKED_FOR_ENGLISH, type AskedFor } from './question-intent.js';
export { isJapaneseChitChat } from './chit-chat.js';
export {
  translateJapaneseQuestion,
  type TranslatedQuestion,
  type TranslatedTerm,
} from './translate-question.js';
export { messages, type MessageCatalogue, type ReplyLanguage, type StatusLabels } from './messages.js';
