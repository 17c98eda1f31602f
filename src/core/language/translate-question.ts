import { isJapaneseChitChat } from './chit-chat.js';
import type { Glossary, GlossaryEntry } from './glossary.js';
import { JAPANESE_FUNCTION_WORDS } from './japanese-function-words.js';
import { findJapaneseNumbers, type JapaneseNumber } from './japanese-numbers.js';
import { ASKED_FOR_ENGLISH, askedFor, type AskedFor } from './question-intent.js';

/** One piece of a Japanese question that was understood, with the English it stands for. */
export interface TranslatedTerm {
  /** Offset in the NFKC question. */
  readonly start: number;
  /** As it appears in the (NFKC) question, e.g. "安倍首相", "16億ドル", "F-35". */
  readonly ja: string;
  /** The English words for it, e.g. "Prime Minister Abe", "$1.6 billion", "F-35". */
  readonly en: string;
  /** Where the English came from: a glossary entry, the number reader, or Latin text kept as typed. */
  readonly via: 'glossary' | 'number' | 'latin';
}

/** A Japanese question made ready for the English pipeline. */
export interface TranslatedQuestion {
  /**
   * English words for retrieval and the English coverage check: the question word first (as the English
   * pipeline recognises it: "how much", "who", "what did … say"), then the English of each understood term
   * in the question's order, e.g. "how much Toyota Mazda Alabama plant factories investment".
   */
  readonly englishQuery: string;
  /** Japanese content words with no glossary entry, as typed (NFKC), e.g. ["沖縄"]: name them when refusing. */
  readonly unknownTerms: readonly string[];
  /** What the question asks for, from its question words; undefined for a bare term ("令和"). */
  readonly asks: AskedFor | undefined;
  /** True for small talk (ありがとう, こんにちは, テスト…): answer it kindly, do not search. */
  readonly isChitChat: boolean;
  /** What was understood, in order (for logs and tests). */
  readonly terms: readonly TranslatedTerm[];
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
/** Latin words and codes kept as typed: "NASA", "F-35", "R&D", "U.S.", "Reiwa". */
const LATIN_TOKEN = /[A-Za-z][A-Za-z0-9&.'’-]*[A-Za-z0-9.]|[A-Za-z]/y;
const CONTENT_CHARACTER = /[\p{Script=Han}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
/**
 * Particles after a name that make it the subject: 安倍首相は…言った → Abe is the one speaking. Casual って
 * (and ったら) mark the topic as は does: トランプってアベさんのこと…ほめてた → Trump is the one praising.
 */
const SUBJECT_PARTICLE = /^(?:は|が|も|って|ったら)/u;
const LONGEST_FUNCTION_WORD = Math.max(...[...JAPANESE_FUNCTION_WORDS].map((word) => word.length));
/** Words of the English question frame that may repeat ("what did … say"). */
const QUERY_GLUE = new Set(['what', 'did', 'say', 'how', 'much', 'many']);

/**
 * Reads a Japanese question into English retrieval words, offline.
 *
 * The question (NFKC) is scanned left to right for, at each position, the longest glossary term, a
 * number with its unit ({@link findJapaneseNumbers}) or a Latin word, whichever is longest. Longest match
 * over the raw string is what finds 安倍首相 in 安倍首相は, which a word segmenter splits differently.
 * Then `Intl.Segmenter('ja')` (Node's ICU, no dictionary to load) splits what was not understood into
 * words: hiragana-only words are grammar, {@link JAPANESE_FUNCTION_WORDS} frame the question, and any other
 * kanji or katakana word is an unknown term (adjacent ones joined: 沖縄基地).
 *
 * @example translateJapaneseQuestion('トヨタとマツダはアラバマの工場にいくら投資した？', glossary)
 *   // → { englishQuery: 'how much Toyota Mazda Alabama plant factories investment', asks: 'how-much', unknownTerms: [], … }
 */
export function translateJapaneseQuestion(text: string, glossary: Glossary): TranslatedQuestion {
  const question = text.normalize('NFKC');
  const numbers = new Map<number, JapaneseNumber>(findJapaneseNumbers(question).map((n) => [n.start, n]));
  const covered = new Uint8Array(question.length);
  // Question wording (何機, 教えて) is never part of an unknown word: 何機買い is "how many" + a verb.
  const wording = new Uint8Array(question.length);
  const terms: TranslatedTerm[] = [];
  let speaker: string | undefined;

  for (let index = 0; index < question.length;) {
    const latin = latinTokenAt(question, index);
    const number = numbers.get(index);
    const entry = longestEntryAt(question, index, glossary);
    const numberLength = number?.text.length ?? 0;
    const entryLength = entry?.ja.length ?? 0;
    let length = 0;
    if (latin !== undefined) {
      length = latin.length;
      terms.push({ start: index, ja: latin, en: latin, via: 'latin' });
    } else if (number !== undefined && numberLength >= entryLength) {
      length = numberLength;
      terms.push({ start: index, ja: number.text, en: number.english.join(' '), via: 'number' });
    } else if (entry !== undefined) {
      length = entryLength;
      terms.push({ start: index, ja: entry.ja, en: entry.en, via: 'glossary' });
      if (entry.kind === 'person' && SUBJECT_PARTICLE.test(question.slice(index + length)))
        speaker ??= entry.en;
    } else {
      // Question wording (何回, 教えて, ファクトシート) is understood too, and stands for no English term.
      length = functionWordLengthAt(question, index);
      wording.fill(1, index, index + length);
    }
    if (length === 0) {
      index += 1;
      continue;
    }
    covered.fill(1, index, index + length);
    index += length;
  }

  const asks = askedFor(question);
  const isChitChat = isJapaneseChitChat(question);
  // A verb is what is said of the subject: with a subject understood (OPICが覚書を結んだ), its verb is no
  // unknown subject; alone (何人釣りましたか) it is all that was asked, and stays.
  const unknown = isChitChat ? [] : unknownSpans(question, covered, wording, terms.length > 0);
  // A term inside an unknown word is not what was asked about: 国 (country) in 中国, 防衛 in 防衛費.
  const understood = terms.filter(
    (term) => !unknown.some((span) => term.start >= span.start && term.start + term.ja.length <= span.end),
  );
  return {
    englishQuery: englishQuery(understood, asks, speaker),
    unknownTerms: [...new Set(unknown.map((span) => span.text))],
    asks,
    isChitChat,
    terms: understood,
  };
}

function latinTokenAt(text: string, index: number): string | undefined {
  LATIN_TOKEN.lastIndex = index;
  return LATIN_TOKEN.exec(text)?.[0];
}

function longestEntryAt(text: string, index: number, glossary: Glossary): GlossaryEntry | undefined {
  const longest = Math.min(glossary.longestTerm, text.length - index);
  const inflected = inflectedEntries(glossary);
  for (let length = longest; length > 0; length -= 1) {
    const written = text.slice(index, index + length);
    const entry = glossary.byJapanese.get(written) ?? inflected.get(written);
    if (entry !== undefined) return { ...entry, ja: written };
  }
  return undefined;
}

/**
 * The stem each godan ending takes before ます, ない, the past and the volitional: 買う → 買い(ました),
 * 買わ(ない), 買っ(た), 買え, 買お(う). Standard Japanese conjugation.
 */
const GODAN_STEMS: Readonly<Record<string, readonly string[]>> = {
  う: ['い', 'わ', 'え', 'お', 'っ'],
  く: ['き', 'か', 'け', 'こ', 'い'],
  ぐ: ['ぎ', 'が', 'げ', 'ご', 'い'],
  す: ['し', 'さ', 'せ', 'そ'],
  つ: ['ち', 'た', 'て', 'と', 'っ'],
  ぬ: ['に', 'な', 'ね', 'の', 'ん'],
  ぶ: ['び', 'ば', 'べ', 'ぼ', 'ん'],
  む: ['み', 'ま', 'め', 'も', 'ん'],
  る: ['り', 'ら', 'れ', 'ろ', 'っ'],
};
/** A glossary verb in its dictionary form: kanji, perhaps kana, then a godan ending (買う, 作る, 決める). */
const DICTIONARY_VERB = /^(\p{Script=Han}[\p{Script=Han}\p{Script=Hiragana}]*?)([うくぐすつぬぶむる])$/u;
const inflectedByGlossary = new WeakMap<Glossary, ReadonlyMap<string, GlossaryEntry>>();

/**
 * The other stems of the glossary's verbs, so 買いました finds 買う as 買った finds 買っ: each entry in
 * dictionary form lends its meaning to its conjugation stems ({@link GODAN_STEMS}; an ichidan verb written
 * with kana before る, 決める, also to 決め). Derived, not listed: the glossary stays one reviewed line a
 * word, and a stem it lists itself (会い, 会わ) always wins.
 */
function inflectedEntries(glossary: Glossary): ReadonlyMap<string, GlossaryEntry> {
  let inflected = inflectedByGlossary.get(glossary);
  if (inflected === undefined) {
    const forms = new Map<string, GlossaryEntry>();
    for (const entry of glossary.entries) {
      const verb = DICTIONARY_VERB.exec(entry.ja);
      if (verb?.[1] === undefined || verb[2] === undefined) continue;
      const [, stem, ending] = verb;
      const stems = (GODAN_STEMS[ending] ?? []).map((kana) => stem + kana);
      if (ending === 'る' && /\p{Script=Hiragana}$/u.test(stem)) stems.push(stem);
      for (const form of stems)
        if (!glossary.byJapanese.has(form) && !forms.has(form)) forms.set(form, entry);
    }
    inflected = forms;
    inflectedByGlossary.set(glossary, inflected);
  }
  return inflected;
}

/** Length of the longest multi-character function word at `index` (0 when none). */
function functionWordLengthAt(text: string, index: number): number {
  for (let length = Math.min(LONGEST_FUNCTION_WORD, text.length - index); length > 1; length -= 1) {
    if (JAPANESE_FUNCTION_WORDS.has(text.slice(index, index + length))) return length;
  }
  return 0;
}

/**
 * The question word, then each English word once (F-35 and 戦闘機 → "F-35 jet fighters", not "F-35 F-35");
 * for a quotation, the speaker goes just before "say", where the English pipeline looks for it, and the
 * other words after it.
 */
function englishQuery(
  terms: readonly TranslatedTerm[],
  asks: AskedFor | undefined,
  speaker: string | undefined,
): string {
  const others = terms.filter((term) => asks !== 'quote' || term.en !== speaker).map((term) => term.en);
  const phrases =
    asks === 'quote'
      ? speaker === undefined
        ? ['what did', ...others, 'say']
        : // The speaker's verb comes right after them, before any other name: "what did Trump say … Abe
          // praised", never "Abe praised … Trump say", which makes Abe the one speaking.
          ['what did', speaker, 'say', ...others]
      : [asks === undefined ? '' : ASKED_FOR_ENGLISH[asks], ...others];
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of phrases.join(' ').split(/\s+/)) {
    const key = word.toLowerCase();
    if (word === '' || (seen.has(key) && !QUERY_GLUE.has(key))) continue;
    seen.add(key);
    words.push(word);
  }
  return words.join(' ');
}

/** The characters of a segment not covered by a match (offsets in UTF-16 code units, like `covered`). */
function uncoveredPart(segment: string, index: number, covered: Uint8Array): string {
  let part = '';
  let offset = index;
  for (const character of segment) {
    if (covered[offset] === 0) part += character;
    offset += character.length;
  }
  return part;
}

interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Kanji/katakana words with a character not understood, adjacent ones joined. The whole word is reported
 * (防衛費, not 費), and a word counts as unknown even when part of it matched a short entry (中国 holds 国).
 */
function unknownSpans(
  question: string,
  covered: Uint8Array,
  wording: Uint8Array,
  skipInflected: boolean,
): Span[] {
  const unknown: Span[] = [];
  let pending: Span | undefined;
  const flush = (): void => {
    if (pending !== undefined) unknown.push(pending);
    pending = undefined;
  };
  for (const { segment, index, isWordLike } of segmenter.segment(question)) {
    const uncovered = uncoveredPart(segment, index, covered);
    const isUnknown =
      isWordLike === true &&
      CONTENT_CHARACTER.test(uncovered) &&
      !JAPANESE_FUNCTION_WORDS.has(segment) &&
      !(skipInflected && isInflected(question, index, segment));
    if (!isUnknown) {
      flush();
      continue;
    }
    const end = index + segment.length;
    if (pending !== undefined && pending.end === index) {
      pending = { text: pending.text + segment, start: pending.start, end };
    } else {
      flush();
      pending = { text: segment, start: index, end };
    }
  }
  flush();
  return mergeSpans(
    question,
    unknown.map((span) => widenToScriptRun(question, span, wording)),
  );
}

/**
 * A kanji word written with its inflection in kana (忘れ, 結んだ, 褒めた, 守る): a verb or adjective, what is
 * said of the subject, not the subject itself, as English judges a missing predicate lightly. A kanji word
 * before a particle (沖縄の, 基地は) is a noun and stays. Japanese orthography: okurigana after a stem.
 */
function isInflected(question: string, index: number, segment: string): boolean {
  const lastKanji = Math.max(...[...segment].map((character, at) => (HAN.test(character) ? at : -1)));
  if (lastKanji < 0) return false;
  const after =
    segment.slice(lastKanji + 1) + question.slice(index + segment.length, index + segment.length + 1);
  const kana = /^\p{Script=Hiragana}/u.exec(after)?.[0];
  return kana !== undefined && !PARTICLES.has(kana);
}

/** Hiragana that begin a particle or the copula after a noun, not a verb's or adjective's ending. */
const PARTICLES: ReadonlySet<string> = new Set([...'のはがをにでともへやかねよなだじっさ']);

/**
 * Widens an unknown span to the whole kanji (or katakana) run around it, because the segmenter splits
 * compounds (防衛|費): the unknown word is 防衛費 (defence spending), not 費 next to a known 防衛. It stops at
 * question wording (`wording`): in 何機買い the counter 何機 asks "how many", it is no part of the word after it.
 */
function widenToScriptRun(question: string, span: Span, wording: Uint8Array): Span {
  let { start, end } = span;
  while (start < end && wording[start] === 1) start += 1;
  while (end > start && wording[end - 1] === 1) end -= 1;
  if (start === end) return span;
  const first = question[start] ?? '';
  const last = question[end - 1] ?? '';
  while (start > 0 && wording[start - 1] === 0 && sameScript(question[start - 1] ?? '', first)) start -= 1;
  while (end < question.length && wording[end] === 0 && sameScript(question[end] ?? '', last)) end += 1;
  return { text: question.slice(start, end), start, end };
}

function sameScript(a: string, b: string): boolean {
  return (HAN.test(a) && HAN.test(b)) || (KATAKANA.test(a) && KATAKANA.test(b));
}

function mergeSpans(question: string, spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const previous = merged.at(-1);
    if (previous !== undefined && span.start <= previous.end) {
      const end = Math.max(previous.end, span.end);
      merged[merged.length - 1] = { text: question.slice(previous.start, end), start: previous.start, end };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** A run of Japanese writing inside other text: kanji, kana, the long-vowel and iteration marks. */
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆・]+/gu;

/**
 * Reads the Japanese words of an otherwise English (or Latin-script) question into the sheets' English,
 * in place, through the glossary as {@link translateJapaneseQuestion} reads a Japanese question: "what
 * does reiwa mean? 令和" → "what does reiwa mean? Reiwa", "日本企業 jobs how many" → "Japanese companies
 * jobs how many". Japanese words the glossary does not know stay as typed (so they still weigh as unknown,
 * and are named when refusing); grammar and question wording (は, 何回) become nothing. `english` rewrites
 * each piece of English that replaces a run (aliases, numbers), and defaults to leaving it as it is.
 */
export function readJapaneseWords(
  text: string,
  glossary: Glossary,
  english: (words: string) => string = (words) => words,
): string {
  return text.replace(JAPANESE_RUN, (run) => {
    const translated = translateJapaneseQuestion(run, glossary);
    const understood = translated.terms.map((term) => term.en).join(' ');
    return [understood === '' ? '' : english(understood), ...translated.unknownTerms]
      .filter((part) => part !== '')
      .join(' ');
  });
}
