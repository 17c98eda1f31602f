/** What a glossary entry names: the fact sheets' people, organisations, places, or other vocabulary. */
export const GLOSSARY_KINDS = ['person', 'organisation', 'place', 'term'] as const;
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

/** One reviewed line of the glossary: a Japanese term and the fact sheets' English for it. */
export interface GlossaryEntry {
  /** The Japanese term as written in the file (NFKC), e.g. "安倍首相". */
  readonly ja: string;
  /** The fact sheets' English for it, used as retrieval words, e.g. "Prime Minister Abe". */
  readonly en: string;
  readonly kind: GlossaryKind;
  /** 1-based line in the glossary file (for review and error messages). */
  readonly line: number;
}

/**
 * A loaded Japanese → English glossary (see knowledge/glossary/ja.tsv). Built only by
 * {@link parseGlossary}, which guarantees every entry is complete and each Japanese term unique.
 */
export interface Glossary {
  /** The file it was read from, relative to the knowledge folder, e.g. "glossary/ja.tsv". */
  readonly file: string;
  /** Where the entries come from (the file's `# source:` line). */
  readonly source: string;
  /** Their licence (the file's `# licence:` line), e.g. "CC0-1.0 OR MIT". */
  readonly licence: string;
  readonly entries: readonly GlossaryEntry[];
  /** Entries by Japanese term (NFKC). */
  readonly byJapanese: ReadonlyMap<string, GlossaryEntry>;
  /** Length in UTF-16 code units of the longest Japanese term, the window of longest-match lookup. */
  readonly longestTerm: number;
}
