import { escapeRegExp } from '../text/escape-reg-exp.js';

/**
 * A search for many phrases at once, each as a whole word, that only tries the phrases a text could hold.
 *
 * One regular expression over the whole alias table (about 1,400 alternatives, case-insensitive Unicode)
 * cost 70 µs per text searched, and a question searches several texts. A phrase that starts with a letter
 * or digit can only match where the text has its first word, whole; so for each word of the text only the
 * phrases starting with that word are tried there, each with a small pattern of its own (built on first use
 * and kept). The matches are exactly those of the one big pattern, in the same order.
 */
export class PhrasePattern {
  readonly #phrases: readonly string[];
  readonly #flags: string;
  readonly #joined: boolean;
  /** Positions (in `#phrases`, longest first) of the phrases by their first word ({@link wordKey}). */
  readonly #byFirstWord = new Map<string, number[]>();
  /** Phrases that do not start with a letter or digit: tried at every position. */
  readonly #anywhere: number[] = [];
  /** Each phrase's own pattern, anchored where it is tried (`y`), once built. */
  readonly #anchored: (RegExp | undefined)[];

  /**
   * @param phrases - the phrases; spaces in them match any whitespace (with `joined`, any run of
   *   whitespace and hyphens, and their hyphens the same).
   * @param caseInsensitive - whether letters match in any case (Unicode simple case folding).
   */
  constructor(phrases: readonly string[], caseInsensitive: boolean, joined = false) {
    // Longest first, so that where two phrases start at one place the longer wins.
    this.#phrases = [...phrases].sort((a, b) => b.length - a.length);
    this.#flags = caseInsensitive ? 'yiu' : 'yu';
    this.#joined = joined;
    this.#anchored = new Array<RegExp | undefined>(this.#phrases.length);
    this.#phrases.forEach((phrase, position) => {
      const first = LEADING_WORD.exec(phrase)?.[0];
      if (first === undefined) {
        this.#anywhere.push(position);
        return;
      }
      const key = wordKey(first);
      const positions = this.#byFirstWord.get(key);
      if (positions === undefined) this.#byFirstWord.set(key, [position]);
      else positions.push(position);
    });
  }

  /**
   * The phrases found in `text`, left to right, none overlapping: at each place the longest phrase that
   * matches there, then the search goes on after it. Each is a whole word (no letter or digit touches it
   * on either side). O(words × phrases sharing a first word).
   */
  *matches(text: string): Generator<PhraseMatch> {
    if (this.#phrases.length === 0) return;
    const starts: { index: number; positions: readonly number[] }[] = [];
    for (const word of text.matchAll(WORD)) {
      const positions = this.#byFirstWord.get(wordKey(word[0]));
      if (positions !== undefined) starts.push({ index: word.index, positions });
    }
    if (this.#anywhere.length > 0) {
      const byIndex = new Map(starts.map((start) => [start.index, start.positions]));
      starts.length = 0;
      for (let index = 0; index < text.length; index++) {
        const positions = [...(byIndex.get(index) ?? []), ...this.#anywhere].sort((a, b) => a - b);
        starts.push({ index, positions });
      }
    }
    let reached = 0;
    for (const { index, positions } of starts) {
      if (index < reached) continue;
      for (const position of positions) {
        const end = this.#matchAt(text, index, position);
        if (end === undefined) continue;
        yield { index, text: text.slice(index, end) };
        reached = end;
        break;
      }
    }
  }

  /** Where the phrase at `position` ends when it matches `text` at `index` as a whole word, if it does. */
  #matchAt(text: string, index: number, position: number): number | undefined {
    if (index > 0 && WORD_CHARACTER.test(codePointBefore(text, index))) return undefined;
    const pattern = (this.#anchored[position] ??= anchoredPattern(
      this.#phrases[position]!,
      this.#flags,
      this.#joined,
    ));
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    const end = index + match[0].length;
    if (end < text.length && WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(end)!)))
      return undefined;
    return end;
  }
}

/** One phrase found in a text: where it starts (UTF-16 offset) and the text's own words for it. */
export interface PhraseMatch {
  readonly index: number;
  readonly text: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LEADING_WORD = /^[\p{L}\p{N}]+/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * A word's key, the same for every spelling a case-insensitive pattern takes as equal: lower case, then
 * NFKC ("ſ" and "s").
 */
function wordKey(word: string): string {
  return word.toLowerCase().normalize('NFKC');
}

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

/**
 * A phrase's pattern, tried at one place (spaces match any whitespace, or with `joined` any run of
 * whitespace and hyphens). The whole-word checks are done outside: a lookaround on Unicode letter classes
 * makes a pattern about fifteen times as slow to build.
 */
function anchoredPattern(phrase: string, flags: string, joined: boolean): RegExp {
  const source = joined
    ? escapeRegExp(phrase).replace(/[ -]+/g, '[\\s-]+')
    : escapeRegExp(phrase).replace(/ +/g, '\\s+');
  return new RegExp(source, flags);
}
