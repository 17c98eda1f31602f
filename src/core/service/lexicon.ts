import type { Glossary } from '../language/glossary.js';
import { NO_ALIASES, type AliasTable } from '../question/alias-table.js';

/**
 * What Kizuna reads beside the fact sheets to understand questions: other names for the sheets' terms
 * (`knowledge/aliases/`) and the Japanese glossary (`knowledge/glossary/`). Both are reviewed data, checked
 * when loaded like a sheet, and reloaded with it.
 */
export interface Lexicon {
  readonly aliases: AliasTable;
  readonly glossary: Glossary;
  /**
   * A hash of the files it was read from (see `createLexiconLoader`): equal fingerprints, equal lexicons.
   * @default none: nothing can be told about where it came from
   */
  readonly fingerprint?: string;
}

/** No aliases and an empty glossary: a knowledge folder without either still answers English questions. */
export const EMPTY_LEXICON: Lexicon = {
  aliases: NO_ALIASES,
  glossary: {
    file: '',
    source: '',
    licence: '',
    entries: [],
    byJapanese: new Map(),
    longestTerm: 0,
  },
};
