import { unitVector } from '../embeddings/vector-math.js';
import { isContentToken } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import type { Passage } from '../types.js';

/** Anything that can give a unit-length-comparable vector for an English word (the compact word table). */
export interface WordVectorLookup {
  vector(word: string): Float32Array | undefined;
}

/**
 * Every word the fact sheets use, prepared for the three questions coverage asks of a term:
 * is its stem used (exact), is it a misspelling of a word used (typo), does it mean a word used (paraphrase).
 */
export interface CorpusVocabulary {
  /** Stem → number of passages that use it. */
  readonly stemPassageCounts: ReadonlyMap<string, number>;
  /** Stem → positions (in the passage list) of the passages that use it: the inverted index. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  /** Lowercase surface words used, grouped by length, for typo look-ups. */
  readonly wordsByLength: ReadonlyMap<number, readonly string[]>;
  /** Unit vectors of the surface words that have one, for paraphrase look-ups. */
  readonly wordVectors: readonly { readonly word: string; readonly vector: Float32Array }[];
  readonly passageCount: number;
  /**
   * Lowercase tokens the sheets write capitalised inside a sentence ("tokyo", "toyota", "abe", "opic"):
   * names, so a question that types them in lower case still names something.
   */
  readonly names: ReadonlySet<string>;
}

/**
 * @param extraTexts - text that is part of the knowledge without being a passage (titles, years).
 */
export function buildCorpusVocabulary(
  passages: readonly Passage[],
  vectors?: WordVectorLookup,
  extraTexts: readonly string[] = [],
): CorpusVocabulary {
  const stemPassageCounts = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const surfaceWords = new Set<string>();
  const texts = [...passages.map((passage) => passage.text), ...extraTexts];
  // A large archive repeats a few tens of thousands of words millions of times: stem each distinct
  // token once (undefined marks a token that is not a content word).
  const stems = new Map<string, string | undefined>();
  texts.forEach((text, position) => {
    const stemsHere = new Set<string>();
    for (const token of tokenize(text)) {
      let stemmed = stems.get(token);
      if (stemmed === undefined && !stems.has(token)) {
        stemmed = isContentToken(token) ? stem(token) : undefined;
        stems.set(token, stemmed);
      }
      if (stemmed === undefined) continue;
      stemsHere.add(stemmed);
      surfaceWords.add(token);
    }
    // "the UN" is covered when the sheets say "the United Nations".
    for (const initialism of initialismsOf(text)) stemsHere.add(initialism);
    for (const term of stemsHere) {
      stemPassageCounts.set(term, (stemPassageCounts.get(term) ?? 0) + 1);
      if (position >= passages.length) continue;
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [position]);
      else list.push(position);
    }
  });

  const wordsByLength = new Map<number, string[]>();
  const wordVectors: { word: string; vector: Float32Array }[] = [];
  for (const word of surfaceWords) {
    const bucket = wordsByLength.get(word.length) ?? [];
    bucket.push(word);
    wordsByLength.set(word.length, bucket);
    const vector = vectors?.vector(word);
    if (vector !== undefined) wordVectors.push({ word, vector: unit(vector) });
  }
  return {
    stemPassageCounts,
    postings,
    wordsByLength,
    wordVectors,
    passageCount: passages.length,
    names: nameTokens(passages),
  };
}

/** Tokens of words written capitalised after a sentence's first word, and never in lower case. */
function nameTokens(passages: readonly Passage[]): Set<string> {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  // The content tokens of each distinct word part, computed once: parts repeat across passages.
  const partTokens = new Map<string, readonly string[]>();
  const contentTokensOf = (bare: string) => {
    let tokens = partTokens.get(bare);
    if (tokens === undefined) {
      tokens = tokenize(bare).filter(isContentToken);
      partTokens.set(bare, tokens);
    }
    return tokens;
  };
  for (const { text } of passages) {
    const words = text.split(/\s+/);
    words.forEach((word, index) => {
      const startsSentence = index === 0 || /[.!?:]["”]?$/.test(words[index - 1] ?? '');
      // Each part of a compound has its own case: "American-made" names America, not "made".
      for (const part of word.split(/[-‐‑]/u)) {
        const bare = part.replace(/^[^\p{L}\p{N}]+/u, '');
        for (const token of contentTokensOf(bare)) {
          if (/^\p{Ll}/u.test(bare)) lowercase.add(token);
          else if (/^\p{Lu}/u.test(bare) && !startsSentence) capitalised.add(token);
        }
      }
    });
  }
  return new Set([...capitalised].filter((token) => !lowercase.has(token)));
}

/** A unit-length copy of a word vector (see vector-math's `unitVector`). */
export const unit: (vector: Float32Array) => Float32Array = unitVector;

/** Small words a name's initialism skips: "Japan Bank for International Cooperation" → JBIC. */
const NAME_LINKS = new Set(['for', 'of', 'and', 'the', 'de']);

/**
 * Initialisms of runs of capitalised words: "United Nations" → "un", "Japan Bank for International
 * Cooperation" → "jbic" (and "jbfic"), "Memorandums of Understanding" → "mu" and "mou".
 */
export function initialismsOf(text: string): string[] {
  const initialisms: string[] = [];
  for (const run of text.match(/\p{Lu}[\p{L}-]*(?:\s+(?:(?:for|of|and|the|de)\s+)*\p{Lu}[\p{L}-]*)+/gu) ??
    []) {
    const all = run.split(/\s+/);
    const words = all.filter((word) => !NAME_LINKS.has(word));
    if (words.length >= 2 && words.length <= 6)
      initialisms.push(words.map((word) => word[0]?.toLowerCase() ?? '').join(''));
    // Some initialisms keep the linking word: "Memorandum of Understanding" → MOU.
    if (all.length > words.length && all.length <= 6)
      initialisms.push(all.map((word) => word[0]?.toLowerCase() ?? '').join(''));
  }
  return initialisms;
}
