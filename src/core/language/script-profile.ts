/**
 * How much of a text is written in each script. Language detection starts here because the script is
 * the one signal that is reliable on a three-character question: 令和？ is Japanese, 레이와? is Korean,
 * whatever a statistical model makes of so little text.
 */

/** Letter counts per script, over the NFKC form of a text. */
export interface ScriptProfile {
  /** Hiragana and katakana (including the long-vowel mark ー): only Japanese writes them. */
  readonly kana: number;
  /** Han ideographs (kanji / hanzi), shared by Japanese and Chinese. */
  readonly han: number;
  /** Latin letters. */
  readonly latin: number;
  /** Runs of Latin letters, i.e. Latin words ("F-35" is one, "Mar-a-Lago" three). */
  readonly latinWords: number;
  /** Letters of any other script, by ISO 15924 script name as used in `\p{Script=…}`. */
  readonly other: ReadonlyMap<string, number>;
}

/** Scripts other than Latin and CJK that are told apart, in the order they are checked. */
export const OTHER_SCRIPTS = [
  'Hangul',
  'Cyrillic',
  'Arabic',
  'Hebrew',
  'Greek',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Armenian',
  'Georgian',
] as const;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const LATIN_WORD = /\p{Script=Latin}+/gu;
const OTHER_PATTERNS = OTHER_SCRIPTS.map(
  (script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const,
);

/** Counts the letters of `text` by script (after NFKC, so full-width Ａ counts as Latin A). */
export function scriptProfile(text: string): ScriptProfile {
  const normalised = text.normalize('NFKC');
  let kana = 0;
  let han = 0;
  let latin = 0;
  const other = new Map<string, number>();
  for (const character of normalised) {
    if (KANA.test(character)) kana += 1;
    else if (HAN.test(character)) han += 1;
    else if (LATIN.test(character)) latin += 1;
    else {
      for (const [script, pattern] of OTHER_PATTERNS) {
        if (pattern.test(character)) {
          other.set(script, (other.get(script) ?? 0) + 1);
          break;
        }
      }
    }
  }
  const latinWords = normalised.match(LATIN_WORD)?.length ?? 0;
  return { kana, han, latin, latinWords, other };
}
