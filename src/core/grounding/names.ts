import { isStopword } from '../text/stopwords.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Names the sheets write in different ways, by token as `tokenize` produces it: "U.S.", "United States",
 * "America" and "American" are one country; "Japanese" is of Japan.
 */
const NAME_GROUPS: readonly (readonly string[])[] = [
  ['usa', 'america', 'american', 'americans', 'united states'],
  ['japan', 'japanese'],
  ['korea', 'korean', 'koreans'],
  ['un', 'united nations'],
  ['dprk', 'north korea'],
];

const GROUP_BY_FORM: ReadonlyMap<string, number> = new Map(
  NAME_GROUPS.flatMap((forms, group) => forms.map((form) => [form, group] as const)),
);

/** What a set of texts (cited passages, their document's title and date) says by name. */
export interface NameIndex {
  /** Lowercase tokens of the texts. */
  readonly tokens: ReadonlySet<string>;
  /** Alias groups (see NAME_GROUPS) any of whose forms the texts use. */
  readonly groups: ReadonlySet<number>;
}

/** Indexes texts for {@link unsupportedNames}. */
export function indexNames(texts: readonly string[]): NameIndex {
  const tokens = new Set<string>();
  const groups = new Set<number>();
  for (const text of texts) {
    const textTokens = tokenize(text);
    for (const token of textTokens) {
      tokens.add(token);
      const group = GROUP_BY_FORM.get(token);
      if (group !== undefined) groups.add(group);
    }
    const joined = ` ${textTokens.join(' ')} `;
    for (const [form, group] of GROUP_BY_FORM) {
      if (form.includes(' ') && joined.includes(` ${form} `)) groups.add(group);
    }
  }
  return { tokens, groups };
}

// A word as written: an initialism with dots ("U.S."), or letters/digits joined by hyphens/apostrophes.
const WRITTEN_WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’&-][\p{L}\p{N}]+)*/gu;

export interface NameOptions {
  /**
   * Capitalised words that open the clause are names only when rare in English (rank above this in the
   * word table) or written capitalised mid-sentence in one of `knownNames`' texts: "Toyota invested…" names
   * a company, "Leading firms…" does not.
   */
  readonly isKnownName: (token: string) => boolean;
}

/**
 * The names and acronyms in a clause (capitalised words, "U.S.", "FDI", "F-35") that the indexed texts
 * never use, as written in the clause. Function words ("The", "In") are never names.
 */
export function unsupportedNames(body: string, index: NameIndex, options: NameOptions): string[] {
  const missing: string[] = [];
  let first = true;
  // Two-word names with an alias group are one name: "United States" is the "USA" of "American jobs".
  const text = body.replace(/\bUnited\s+States\b/g, 'USA').replace(/\bUnited\s+Nations\b/g, 'UN');
  for (const match of text.matchAll(WRITTEN_WORD)) {
    const word = match[0];
    const opensClause = first || /[:“"‘(]\s*$/u.test(text.slice(0, match.index));
    first = false;
    if (!/^\p{Lu}/u.test(word)) continue;
    const tokens = tokenize(word);
    const nameTokens = tokens.filter((token) => !isStopword(token) && token !== 'i');
    if (nameTokens.length === 0) continue;
    if (opensClause && !nameTokens.some((token) => token === 'usa' || options.isKnownName(token))) continue;
    if (!nameTokens.every((token) => nameIsUsed(token, index))) missing.push(word);
  }
  return [...new Set(missing)];
}

function nameIsUsed(token: string, index: NameIndex): boolean {
  if (index.tokens.has(token)) return true;
  const group = GROUP_BY_FORM.get(token);
  if (group !== undefined && index.groups.has(group)) return true;
  // "Americans" for "American", "Koreas" for "Korea": a plural or possessive ending.
  return index.tokens.has(token.replace(/(?:es|s)$/, ''));
}

/** Tokens written with a capital in the middle of a sentence somewhere in `texts`: the names they use. */
export function capitalisedTokens(texts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(WRITTEN_WORD)) {
      const before = text.slice(0, match.index).trimEnd();
      if (before === '' || /[.!?:"“]$/u.test(before)) continue;
      if (!/^\p{Lu}/u.test(match[0])) continue;
      for (const token of tokenize(match[0])) if (!isStopword(token)) names.add(token);
    }
  }
  return names;
}

/** Lowercase tokens of the capitalised words of a text (names, acronyms), function words left out. */
export function nameTokens(body: string): Set<string> {
  const tokens = new Set<string>();
  for (const match of body.matchAll(WRITTEN_WORD)) {
    if (!/^\p{Lu}/u.test(match[0])) continue;
    for (const token of tokenize(match[0])) if (!isStopword(token)) tokens.add(token);
  }
  return tokens;
}
