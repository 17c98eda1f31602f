import { distance } from 'fastest-levenshtein';
import { lemmasOf } from '../text/lemma.js';
import { stem } from '../text/stem.js';
import { ENGLISH_STOPWORDS, isStopword, QUESTION_WORDS } from '../text/stopwords.js';
import type { CorpusVocabulary, WordVectorLookup } from './corpus-vocabulary.js';
import { unit } from './corpus-vocabulary.js';
import { META_TOKENS, type QuestionTerm, type QuestionWords } from './question-terms.js';
import { isPlaceName } from './place-names.js';

export type CoverageKind = 'exact' | 'typo' | 'paraphrase' | 'missing' | 'filler';

export interface TermCoverage {
  readonly term: QuestionTerm;
  readonly kind: CoverageKind;
  /** The fact sheets' word that covers it (for typo and paraphrase). */
  readonly via?: string;
  /** A missing word that names something (a place, a person, a body), even typed in lower case. */
  readonly name?: boolean;
}

export interface CoverageOptions {
  /** Word-vector cosine above which a word paraphrases a word used anywhere in the sheets. @default 0.75 */
  readonly paraphraseSimilarity: number;
  /**
   * Looser cosine for words of the passages retrieved for this very question: among a few dozen words,
   * a chance match is rare, so "stationed" may meet "troops". @default 0.65
   */
  readonly contextParaphraseSimilarity: number;
  /** Words rarer than this frequency rank (or unknown) are checked as misspellings first. @default 20000 */
  readonly rareWordRank: number;
  /**
   * Names need a much closer meaning: "Pyongyang" stands for North Korea (0.82), but Australia is not
   * Africa (0.75) nor China Korea (0.75). @default 0.8
   */
  readonly nameSimilarity: number;
  /**
   * Names known from reviewed data besides CLDR's countries (the glossary's English names of places,
   * people and bodies: "okinawa", "futenma"), lower case: one the sheets never use is decisive, even typed
   * in lower case. @default none
   */
  readonly isKnownName?: (token: string) => boolean;
}

export const DEFAULT_COVERAGE_OPTIONS: CoverageOptions = {
  paraphraseSimilarity: 0.75,
  contextParaphraseSimilarity: 0.65,
  rareWordRank: 20_000,
  nameSimilarity: 0.8,
};

/** The word table as coverage uses it: meanings, how common a word is, and spelling correction. */
export interface CoverageWordTable extends WordVectorLookup {
  rank(word: string): number | undefined;
  /** The English word a misspelt token most likely stands for ("bigest" → "biggest"), if any. */
  correct?(token: string): string | undefined;
}

/** Surface words of the passages retrieved for the question, with their unit vectors. */
export type ContextWords = readonly { readonly word: string; readonly vector: Float32Array }[];

/**
 * Decides, for every content term of a question, whether the fact sheets use it (exactly, misspelt or in
 * other words). Score thresholds alone let near-domain questions through ("Tokyo's population"): the
 * retrieval score is high because "Tokyo" matches; the uncovered "population" is what says no.
 */
export function assessCoverage(
  question: QuestionWords,
  vocabulary: CorpusVocabulary,
  table: CoverageWordTable | undefined,
  context: ContextWords = [],
  options: Partial<CoverageOptions> = {},
): TermCoverage[] {
  const resolved = { ...DEFAULT_COVERAGE_OPTIONS, ...options };
  return question.terms.map((term) => assessTerm(term, vocabulary, table, context, resolved));
}

function assessTerm(
  term: QuestionTerm,
  vocabulary: CorpusVocabulary,
  table: CoverageWordTable | undefined,
  context: ContextWords,
  options: CoverageOptions,
): TermCoverage {
  if (vocabulary.stemPassageCounts.has(term.stem)) return { term, kind: 'exact' };
  // A number offered as a guess ("like 850k?") is the person's, not a fact to look for.
  if (term.approximate === true && term.numeric) return { term, kind: 'filler' };
  // Numbers are facts: "2020" is not a typo of "2016".
  if (term.numeric) return { term, kind: 'missing' };

  // Another form of a word the sheets use ("employed" for "employment", "purchases" for "purchasers"):
  // the stemmer does not always bring them together.
  const relative = term.properNoun
    ? undefined
    : (lemmaInSheets(term.token, vocabulary) ?? derivedFormOf(term.token, vocabulary));
  if (relative !== undefined) return { term, kind: 'paraphrase', via: relative };
  const rank = table?.rank(term.token);
  const rare = rank === undefined || rank > options.rareWordRank;
  // "wat", "doin", "abotu": a slip on a filler word, not a topic ("wat" is also a rare English word).
  if (rare && !term.properNoun && isLikelyMisspeltFiller(term.token)) return { term, kind: 'filler' };
  if (rare || term.properNoun) {
    // A rare or unknown word, or a name: most likely a misspelling ("Toyata", "Abbe") of a word used.
    const typoOf = closestWord(term.token, vocabulary);
    if (typoOf !== undefined) return { term, kind: 'typo', via: typoOf };
  }
  let known = table?.vector(term.token);
  if (known === undefined) {
    if (isLikelyMisspeltFiller(term.token)) return { term, kind: 'filler' };
    // Unknown to English and to the sheets: allow one more slip ("korae" for "korea"); in a short word two
    // edits must be a swap of letters, or "ramen" would be a slip for "women".
    const typoOf = closestWord(term.token, vocabulary, term.token.length >= 5 ? 2 : 1);
    if (typoOf !== undefined && (term.token.length >= 7 || isSlip(term.token, typoOf)))
      return { term, kind: 'typo', via: typoOf };
    // A misspelt English word ("bigest") is read as the word it stands for, then judged like any other.
    const corrected = table?.correct?.(term.token);
    known = corrected === undefined ? undefined : table?.vector(corrected);
    if (known === undefined) return { term, kind: 'missing' };
  }
  const query = unit(known);
  const closestSheetWord = (threshold: number) =>
    nearestMeaningsOf(term.token, query, vocabulary.wordVectors, threshold, 1)[0];
  if (term.properNoun || isPlaceName(term.token) || options.isKnownName?.(term.token) === true) {
    const sameThing = closestSheetWord(options.nameSimilarity);
    // Two places are never one place, however alike their contexts ("texas" is not "alabama"), nor are two
    // names one name ("Nissan" is not Toyota): another name for the same thing is an alias, in the files.
    return sameThing === undefined || isPlaceName(sameThing) || vocabulary.names.has(sameThing)
      ? { term, kind: 'missing', name: true }
      : { term, kind: 'paraphrase', via: sameThing };
  }

  const paraphraseOf =
    closestSheetWord(options.paraphraseSimilarity) ??
    closestMeaning(query, context, options.contextParaphraseSimilarity);
  // A word whose closest sheet word is a name is itself a name ("osaka" → "tokyo"): names need the
  // closer meaning, and one the sheets never use is decisive.
  if (paraphraseOf !== undefined && vocabulary.names.has(paraphraseOf)) {
    const sameThing = closestSheetWord(options.nameSimilarity);
    return sameThing === undefined || (rank !== undefined && rank > RARE_AS_NAME_RANK)
      ? { term, kind: 'missing', name: true }
      : { term, kind: 'paraphrase', via: sameThing };
  }
  if (paraphraseOf !== undefined) return { term, kind: 'paraphrase', via: paraphraseOf };
  // A real word can still be a slip of the keyboard ("tread" for "trade"), but only trust that for longer words.
  if (term.token.length >= 6) {
    const typoOf = closestWord(term.token, vocabulary, 1);
    if (typoOf !== undefined) return { term, kind: 'typo', via: typoOf };
  }
  return { term, kind: 'missing' };
}

/**
 * A word this rare in English whose closest sheet word is a name is a name of its own kind ("nissan" near
 * "toyota" at 0.81, "lexus", "hyundai"), never that name; commoner words near a name ("premier", "kim",
 * "memo") still read as paraphrases when close enough.
 */
const RARE_AS_NAME_RANK = 5_000;


/** A dictionary form of the token that the sheets use ("met" → "meet", used as "meetings"), if any. */
function lemmaInSheets(token: string, vocabulary: CorpusVocabulary): string | undefined {
  if (/\d/.test(token)) return undefined;
  return lemmasOf(token).find((lemma) => vocabulary.stemPassageCounts.has(stem(lemma)));
}

/**
 * A sheet word sharing a long first part with the token (at least six letters and three quarters of
 * the shorter word): another form of the same word. Five letters is too few ("trans" is not "transfer",
 * "recipe" not "reciprocal"). Undefined when there is none.
 */
function derivedFormOf(token: string, vocabulary: CorpusVocabulary): string | undefined {
  if (token.length < 6 || /\d/.test(token)) return undefined;
  let best: string | undefined;
  let bestShared = 0;
  for (let length = Math.max(6, token.length - 4); length <= token.length + 4; length++) {
    for (const word of vocabulary.wordsByLength.get(length) ?? []) {
      let shared = 0;
      while (shared < word.length && shared < token.length && word[shared] === token[shared]) shared++;
      if (shared >= 6 && shared >= 0.75 * Math.min(word.length, token.length) && shared > bestShared) {
        bestShared = shared;
        best = word;
      }
    }
  }
  return best;
}

/** One edit, or the same letters in another order: what a slip of the keyboard does to a short word. */
function isSlip(token: string, word: string): boolean {
  return distance(token, word) <= 1 || [...token].sort().join('') === [...word].sort().join('');
}

/** The fact sheets' word within a small edit distance, if any. */
function closestWord(token: string, vocabulary: CorpusVocabulary, maxEdits?: number): string | undefined {
  if (token.length < 4) return undefined;
  const allowed = maxEdits ?? (token.length >= 8 ? 2 : 1);
  let best: string | undefined;
  let bestDistance = allowed + 1;
  const tokenLetters = letterMask(token);
  for (let length = token.length - allowed; length <= token.length + allowed; length++) {
    const words = vocabulary.wordsByLength.get(length);
    if (words === undefined) continue;
    const masks = letterMasksOf(words);
    for (let i = 0; i < words.length; i++) {
      // A lower bound on the edits, from which letters either word lacks: most words are ruled out without
      // computing their distance (tens of thousands of sheet words at 100,000 passages).
      const mask = masks[i]!;
      if (bitCount(tokenLetters & ~mask) >= bestDistance || bitCount(mask & ~tokenLetters) >= bestDistance)
        continue;
      const word = words[i]!;
      const edits = distance(token, word);
      if (edits < bestDistance) {
        bestDistance = edits;
        best = word;
      }
    }
  }
  return best;
}

/**
 * Which characters a word uses, one bit each (characters beyond a–z share bits by their code). Each edit removes
 * at most one character and adds at most one, so two words are at least as many edits apart as the bits set in
 * one mask and not in the other (shared bits can only lower that count, never raise it).
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 5));
  }
  return mask;
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const letterMasks = new WeakMap<readonly string[], Int32Array>();

/** {@link letterMask} of each word, worked out once per list (a vocabulary's lists do not change). */
function letterMasksOf(words: readonly string[]): Int32Array {
  let masks = letterMasks.get(words);
  if (masks === undefined || masks.length !== words.length) {
    masks = Int32Array.from(words, letterMask);
    letterMasks.set(words, masks);
  }
  return masks;
}

function closestMeaning(
  query: Float32Array,
  candidates: ContextWords,
  threshold: number,
): string | undefined {
  return nearestMeanings(query, candidates, threshold, 1)[0];
}

/**
 * {@link nearestMeanings} of a word among a fixed list of candidates (the sheets' words of one knowledge
 * version), remembered per list: the same question words come back question after question, and each
 * scan is a dot product with every sheet word (a tenth of a question's time on the real sheets, more at
 * scale). `query` must be the word's own unit vector. The same words, in the same order, as a fresh scan.
 */
export function nearestMeaningsOf(
  token: string,
  query: Float32Array,
  candidates: ContextWords,
  threshold: number,
  limit: number,
): string[] {
  if (threshold < REMEMBERED_FLOOR) return nearestMeanings(query, candidates, threshold, limit);
  let known = neighbourCaches.get(candidates);
  if (known === undefined) {
    known = new Map();
    neighbourCaches.set(candidates, known);
  }
  let neighbours = known.get(token);
  if (neighbours === undefined) {
    neighbours = scoredAbove(query, candidates, REMEMBERED_FLOOR);
    if (known.size >= REMEMBERED_WORDS) known.delete(known.keys().next().value ?? '');
    known.set(token, neighbours);
  }
  const found: string[] = [];
  for (const { word, similarity } of neighbours) {
    if (found.length >= limit || similarity < threshold) break;
    found.push(word);
  }
  return found;
}

/** Lowest cosine remembered: every threshold Kizuna uses with the sheets' words is at least this (0.6–0.8). */
const REMEMBERED_FLOOR = 0.5;
/** Words remembered per candidate list: a few MB at most. */
const REMEMBERED_WORDS = 20_000;
const neighbourCaches = new WeakMap<ContextWords, Map<string, readonly ScoredWord[]>>();

interface ScoredWord {
  readonly word: string;
  readonly similarity: number;
}

/**
 * The candidate words at least `threshold` close in meaning to `query` (cosine of unit vectors), closest
 * first, at most `limit` of them.
 */
export function nearestMeanings(
  query: Float32Array,
  candidates: ContextWords,
  threshold: number,
  limit: number,
): string[] {
  return scoredAbove(query, candidates, threshold)
    .slice(0, limit)
    .map((item) => item.word);
}

/** The candidates at least `threshold` close to `query`, closest first (candidate order among equals). */
function scoredAbove(query: Float32Array, candidates: ContextWords, threshold: number): ScoredWord[] {
  const scored: ScoredWord[] = [];
  for (const candidate of candidates) {
    const vector = candidate.vector;
    // Beyond the shorter vector the terms are zero; a bounds-checked loop with fallbacks is several times slower,
    // and this runs over every sheet word (tens of thousands at 100,000 passages) for each unknown question word.
    const shared = Math.min(query.length, vector.length);
    let dot = 0;
    for (let i = 0; i < shared; i++) dot += query[i]! * vector[i]!;
    if (dot >= threshold) scored.push({ word: candidate.word, similarity: dot });
  }
  return scored.sort((a, b) => b.similarity - a.similarity);
}

/** Filler words people misspell ("waht", "abotu", "doin"): one edit, or one transposition, from a stopword. */
function isLikelyMisspeltFiller(token: string): boolean {
  if (isStopword(token)) return true;
  if (token.length < 3) return false;
  const sorted = [...token].sort().join('');
  for (const word of FILLER_VOCABULARY) {
    if (Math.abs(word.length - token.length) > 1) continue;
    if (distance(word, token) <= 1) return true;
    if (word.length === token.length && [...word].sort().join('') === sorted) return true;
  }
  return false;
}

/**
 * Stopwords, and the words about the request itself ("english", "translation"), long enough that a
 * one-letter slip still identifies them ("englsh", "translaton"); the request words from six letters, as
 * shorter ones are a slip away from acronyms and names ("tpp" from "top").
 */
const FILLER_VOCABULARY = [
  ...ENGLISH_STOPWORDS,
  ...QUESTION_WORDS,
  ...[...META_TOKENS].filter((word) => word.length >= 6),
  'doing',
  'going',
  'anything',
  'something',
].filter((word) => word.length >= 3);

/**
 * Second look at the terms still missing, against the words of the passages just retrieved (the looser
 * context threshold). Everything else keeps its first verdict, so the corpus-wide scans run once per question.
 */
export function recheckAgainstContext(
  coverage: readonly TermCoverage[],
  table: CoverageWordTable | undefined,
  context: ContextWords,
  options: Partial<CoverageOptions> = {},
): TermCoverage[] {
  const { contextParaphraseSimilarity } = { ...DEFAULT_COVERAGE_OPTIONS, ...options };
  return coverage.map((item) => {
    // Names are not rechecked loosely: "Osaka" is near "Tokyo" in meaning, but is not Tokyo.
    if (
      item.kind !== 'missing' ||
      item.term.numeric ||
      item.term.properNoun ||
      item.name === true ||
      context.length === 0
    )
      return item;
    const known = table?.vector(item.term.token) ?? correctedVector(item.term.token, table);
    if (known === undefined) return item;
    const via = closestMeaning(unit(known), context, contextParaphraseSimilarity);
    return via === undefined ? item : { term: item.term, kind: 'paraphrase', via };
  });
}

function correctedVector(token: string, table: CoverageWordTable | undefined): Float32Array | undefined {
  const corrected = table?.correct?.(token);
  return corrected === undefined ? undefined : table?.vector(corrected);
}
