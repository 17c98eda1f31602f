import { ENGLISH_STOPWORDS, QUESTION_WORDS } from '../text/stopwords.js';
import { hasChineseOnlyCharacter } from './chinese-markers.js';
import { LATIN_FUNCTION_WORDS, LATIN_SHARED_WORDS } from './latin-function-words.js';
import { scriptProfile, type ScriptProfile } from './script-profile.js';

/** A language Kizuna does not answer in, named for the reply and the logs. */
export interface UnsupportedLanguage {
  /** English name of the language, from CLDR (`Intl.DisplayNames`), e.g. "French". */
  readonly unsupported: string;
  /** BCP 47 code, e.g. "fr". */
  readonly code: string;
}

/** What {@link detectLanguage} concludes: English, Japanese, or another language. */
export type DetectedLanguage = 'en' | 'ja' | UnsupportedLanguage;

/** True when a detected language is neither English nor Japanese. */
export function isUnsupported(language: DetectedLanguage): language is UnsupportedLanguage {
  return typeof language === 'object';
}

/** The language each non-Latin, non-CJK script stands for (the commonest language written in it). */
const SCRIPT_LANGUAGE: Readonly<Record<string, string>> = {
  Hangul: 'ko',
  Cyrillic: 'ru',
  Arabic: 'ar',
  Hebrew: 'he',
  Greek: 'el',
  Devanagari: 'hi',
  Bengali: 'bn',
  Tamil: 'ta',
  Thai: 'th',
  Armenian: 'hy',
  Georgian: 'ka',
};

const ENGLISH_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOPWORDS, ...QUESTION_WORDS]);
const FUNCTION_WORD_SETS = Object.entries(LATIN_FUNCTION_WORDS).map(([code, list]) => ({
  code,
  own: new Set(list),
  shared: new Set(LATIN_SHARED_WORDS[code] ?? []),
}));
/** Letters that only Vietnamese uses among the listed languages (ơ, ư, đ, and the stacked tone marks). */
const VIETNAMESE_LETTERS = /[ơưđƠƯĐ\u1EA0-\u1EF9]/gu;
/** Words: letters joined by apostrophes (hyphens separate, as in "qu'est-ce"). */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** What follows the apostrophe of an English contraction ("don't", "I've"); never a foreign word. */
const ENGLISH_CONTRACTION_TAILS = new Set(['s', 't', 'd', 'll', 've', 're', 'm']);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * Which language a question is written in, for choosing the reply language.
 *
 * - Japanese by script: any kana, or Han characters without Chinese-only ones ({@link
 *   hasChineseOnlyCharacter}), when the Japanese characters are at least twice the Latin words, so that
 *   "F-35について" is Japanese and "what does 令和 mean?" stays English.
 * - Korean, Russian, Arabic, Hindi, Thai, Greek… by their scripts; Chinese by Chinese-only Han characters.
 * - Latin-script languages (French, Spanish, German, Portuguese, Italian, Dutch, Swedish, Turkish, Polish,
 *   Indonesian, Vietnamese) by their function words ({@link LATIN_FUNCTION_WORDS}): at least two of one
 *   language (words it shares with English, such as German "was", count once one of its own has shown
 *   up) and more than the English function words; or two Vietnamese-only letters.
 * - Everything else is English: casual English, typos, single words, Latin-letter Japanese ("arigato").
 *   The bias is deliberate: an English speaker told "I answer in English and Japanese" is worse served
 *   than a French speaker who gets an English refusal.
 *
 * A small measured heuristic rather than a library: on short questions franc, tinyld and eld all named
 * other languages for a quarter to two thirds of casual English ("Reiwa?" → German, "thx"…); see
 * tests/core/language/detect-language.test.ts for the measured lists.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const profile = scriptProfile(text);
  const byScript = languageByScript(text, profile);
  if (byScript !== undefined) return byScript;
  const code = latinLanguage(text.normalize('NFKC'));
  return code === undefined ? 'en' : unsupported(code);
}

function languageByScript(text: string, profile: ScriptProfile): DetectedLanguage | undefined {
  const hangul = profile.other.get('Hangul') ?? 0;
  const cjk = profile.kana + profile.han;
  if (cjk > 0 && hangul < cjk && cjk >= 2 * profile.latinWords) {
    if (profile.kana === 0 && hasChineseOnlyCharacter(text)) return unsupported('zh');
    return 'ja';
  }
  // The dominant other script, when it outweighs the Latin letters (so "Reiwa का क्या मतलब है?" is Hindi).
  let best: [string, number] | undefined;
  for (const [script, count] of profile.other) {
    // Korean letters typed one by one, never joined into a syllable ("ㅁㄴㅇㄹ"), are a keyboard held
    // down, not Korean.
    if (script === 'Hangul' && !HANGUL_SYLLABLE.test(text)) continue;
    if (best === undefined || count > best[1]) best = [script, count];
  }
  if (best !== undefined && best[1] * 2 >= profile.latin) {
    const code = SCRIPT_LANGUAGE[best[0]];
    if (code === 'ru' && /[іїєґІЇЄҐ]/u.test(text)) return unsupported('uk');
    if (code !== undefined) return unsupported(code);
  }
  return undefined;
}

/** A Hangul syllable block (가…힣): how written Korean looks, unlike loose letters. */
const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/u;

function latinLanguage(text: string): string | undefined {
  if ((text.match(VIETNAMESE_LETTERS)?.length ?? 0) >= 2) return 'vi';
  const words = latinWords(text);
  let best: { code: string; hits: number; own: number; english: number } | undefined;
  for (const { code, own, shared } of FUNCTION_WORD_SETS) {
    const ownHits = words.filter((word) => own.has(word)).length;
    const sharedHits = ownHits > 0 ? words.filter((word) => shared.has(word)).length : 0;
    if (best !== undefined && ownHits + sharedHits <= best.hits) continue;
    const english = words.filter(
      (word) => ENGLISH_WORDS.has(word) && !(sharedHits > 0 && shared.has(word)),
    ).length;
    best = { code, hits: ownHits + sharedHits, own: ownHits, english };
  }
  if (best === undefined || best.hits < 2 || best.hits <= best.english) return undefined;
  // One word of the language's own decides only when no English word is there: English chat spells
  // "what" as "wat" (Dutch), so "wat does reiwa meen in englsh" stays English; "Was bedeutet Reiwa?" is German.
  if (best.own < 2 && best.english > 0) return undefined;
  // "wat is reiwa": a lone word that English chat also spells so ("wat", "dat") is English chat.
  if (best.own < 2 && words.some((word) => ENGLISH_CHAT_SPELLINGS.has(word))) return undefined;
  return best.code;
}

/** English words as chat spells them that are also another language's function words (Dutch "wat", "dat"). */
const ENGLISH_CHAT_SPELLINGS: ReadonlySet<string> = new Set(['wat', 'dat', 'wot']);

function latinWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const parts = match[0].split(/['’]/);
    const [head, ...tails] = parts;
    if (head !== undefined) words.push(head);
    for (const tail of tails) if (!ENGLISH_CONTRACTION_TAILS.has(tail)) words.push(tail);
  }
  return words;
}

function unsupported(code: string): UnsupportedLanguage {
  // ICU names it "Japanese (Latin)"; people call it rōmaji.
  const name = code === 'ja-Latn' ? 'Japanese in rōmaji (Latin letters)' : languageNames.of(code);
  return { unsupported: name ?? code, code };
}
