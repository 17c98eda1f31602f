export {
  contentTerms,
  contentTokens,
  countContentTokens,
  isContentToken,
  TEXT_PIPELINE_VERSION,
} from './content-terms.js';
export { americanSpelling, stem } from './stem.js';
export { ENGLISH_STOPWORDS, isStopword, QUESTION_WORDS } from './stopwords.js';
export { tokenize, UNITED_STATES_TOKEN } from './tokenize.js';
