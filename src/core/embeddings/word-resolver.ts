import { americanSpelling, stem, stemAfresh } from '../text/stem.js';
import type { WordVectorTable } from './word-vector-table.js';

/**
 * How a token was matched to a table word:
 * - `exact`: the token itself;
 * - `spelling`: its American spelling ("organised" → "organized");
 * - `stem`: the most frequent table word with the same stem ("denuclearizing" → "denuclearization");
 * - `correction`: the most frequent table word one edit away ("toyata" → "toyota"), a probable typo.
 */
export type WordMatchKind = 'exact' | 'spelling' | 'stem' | 'correction';

export interface WordMatch {
  readonly row: number;
  readonly kind: WordMatchKind;
}

/** Options of {@link WordResolver}. */
export interface WordResolverOptions {
  /**
   * Shortest token that may be read as a typo of a table word. Short tokens are too often unrelated
   * acronyms or names one edit from a common word ("nexi" → "next").
   * @default 5
   */
  readonly minCorrectionLength?: number;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const LOWERCASE_ASCII_WORD = /^[a-z]+$/;
/**
 * A word and its stem share this many leading characters (see `rowOfStem`). Not two: Porter's y → i can
 * change the second ("eyed" → "ei").
 */
const STEM_PREFIX_LENGTH = 1;

/**
 * Finds the table word that stands for a token that may be inflected, British-spelt or misspelt.
 * Results depend only on the token and the table (never on other text). Not cached here: callers cache
 * whole per-token results (see `TokenFeatureStore`).
 */
export class WordResolver {
  readonly minCorrectionLength: number;
  /** Stem → most frequent row, per first letter of the table words ('' for all of them). */
  private readonly rowByStem = new Map<string, Map<string, number>>();
  private rowsByStemPrefix: Map<string, number[]> | undefined;

  constructor(
    readonly table: WordVectorTable,
    options: WordResolverOptions = {},
  ) {
    this.minCorrectionLength = options.minCorrectionLength ?? 5;
  }

  /**
   * The table word for a token (as produced by `tokenize`), or undefined when none fits.
   * @param allowCorrection whether a token not otherwise found may be read as a typo.
   */
  resolve(token: string, allowCorrection: boolean): WordMatch | undefined {
    const exact = this.table.rowOf(token);
    if (exact >= 0) return { row: exact, kind: 'exact' };
    const american = americanSpelling(token);
    if (american !== token) {
      const row = this.table.rowOf(american);
      if (row >= 0) return { row, kind: 'spelling' };
    }
    const sameStem = this.rowOfStem(stem(token));
    if (sameStem !== undefined) return { row: sameStem, kind: 'stem' };
    if (allowCorrection && token.length >= this.minCorrectionLength && LOWERCASE_ASCII_WORD.test(token)) {
      const row = this.closestByOneEdit(american);
      if (row >= 0) return { row, kind: 'correction' };
    }
    return undefined;
  }

  /** Builds the lookup structures now rather than on the first unknown word (a one-off ~50–300 ms). */
  prepare(): void {
    for (const prefix of this.rowsByPrefix().keys()) this.stemIndex(prefix);
  }

  /**
   * The most frequent table row whose word has this stem, or undefined. Only the words sharing the stem's
   * first letter are stemmed (once per letter, on first need), since a stem keeps its word's first letter
   * (`americanSpelling` rewrites after the third character, Porter only a suffix): a question then stems a
   * few thousand table words instead of all 50,000 (tens of milliseconds at every CLI start). The
   * specification checks this of every table word.
   */
  private rowOfStem(key: string): number | undefined {
    return this.stemIndex(key.length < STEM_PREFIX_LENGTH ? undefined : key.slice(0, STEM_PREFIX_LENGTH)).get(
      key,
    );
  }

  /** Most frequent stem → row among the table words starting with `prefix` (every word when undefined). */
  private stemIndex(prefix: string | undefined): Map<string, number> {
    const cacheKey = prefix ?? '';
    let index = this.rowByStem.get(cacheKey);
    if (index === undefined) {
      index = new Map<string, number>();
      const rows = prefix === undefined ? undefined : (this.rowsByPrefix().get(prefix) ?? []);
      const count = rows === undefined ? this.table.size : rows.length;
      for (let position = 0; position < count; position += 1) {
        const row = rows === undefined ? position : (rows[position] as number);
        const key = stemAfresh(this.table.wordAt(row));
        if (!index.has(key)) index.set(key, row);
      }
      this.rowByStem.set(cacheKey, index);
    }
    return index;
  }

  /** Table rows by the first character of their word, most frequent first. */
  private rowsByPrefix(): Map<string, number[]> {
    if (this.rowsByStemPrefix === undefined) {
      const buckets = new Map<string, number[]>();
      for (let row = 0; row < this.table.size; row += 1) {
        const prefix = this.table.wordAt(row).slice(0, STEM_PREFIX_LENGTH);
        const bucket = buckets.get(prefix);
        if (bucket === undefined) buckets.set(prefix, [row]);
        else bucket.push(row);
      }
      this.rowsByStemPrefix = buckets;
    }
    return this.rowsByStemPrefix;
  }

  /** Lowest (most frequent) table row among words one deletion, transposition, substitution or insertion away. */
  private closestByOneEdit(word: string): number {
    let best = -1;
    const consider = (candidate: string): void => {
      const row = this.table.rowOf(candidate);
      if (row >= 0 && (best < 0 || row < best)) best = row;
    };
    for (let index = 0; index <= word.length; index += 1) {
      const head = word.slice(0, index);
      const tail = word.slice(index);
      if (tail.length > 0) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
      for (const letter of LETTERS) {
        if (tail.length > 0 && letter !== tail.charAt(0)) consider(head + letter + tail.slice(1));
        consider(head + letter + tail);
      }
    }
    return best;
  }
}
