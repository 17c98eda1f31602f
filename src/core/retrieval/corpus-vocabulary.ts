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
  const surfaceWords = new Set<string>();
  const texts = [...passages.map((passage) => passage.text), ...extraTexts];
  // A large archive repeats a few tens of thousands of words millions of times, so each distinct term gets a
  // number once and the per-passage work is array arithmetic: ids follow first use (the maps below are filled
  // in that order), and a term counts once per text because `lastText` remembers the text that last counted it.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const lists: number[][] = [];
  const lastText: number[] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      counts.push(0);
      lists.push([]);
      lastText.push(-1);
    }
    return id;
  };
  // Token → its stem's id, or −1 for a token that is not a content word: stemmed once per distinct token.
  const termOfToken = new Map<string, number>();
  const count = (id: number, position: number) => {
    if (lastText[id] === position) return;
    lastText[id] = position;
    counts[id]! += 1;
    if (position < passages.length) lists[id]!.push(position);
  };
  texts.forEach((text, position) => {
    for (const token of tokenize(text)) {
      let id = termOfToken.get(token);
      if (id === undefined) {
        id = isContentToken(token) ? idOf(stem(token)) : -1;
        termOfToken.set(token, id);
        // A token's first use is the only one that can add it (the set keeps first-use order).
        if (id >= 0) surfaceWords.add(token);
      }
      if (id >= 0) count(id, position);
    }
    // "the UN" is covered when the sheets say "the United Nations".
    for (const initialism of initialismsOf(text)) count(idOf(initialism), position);
  });
  const stemPassageCounts = new Map<string, number>();
  const postings = new Map<string, number[]>();
  terms.forEach((term, id) => {
    stemPassageCounts.set(term, counts[id]!);
    if (lists[id]!.length > 0) postings.set(term, lists[id]!);
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
  // What matters of a whitespace-separated word, worked out once per distinct word: words repeat across passages.
  const shapes = new Map<string, WordShape>();
  const shapeOf = (word: string) => {
    let shape = shapes.get(word);
    if (shape === undefined) {
      shape = {
        endsSentence: /[.!?:]["”]?$/.test(word),
        // Each part of a compound has its own case: "American-made" names America, not "made".
        parts: word.split(/[-‐‑]/u).map((part) => {
          const bare = part.replace(/^[^\p{L}\p{N}]+/u, '');
          return {
            tokens: tokenize(bare).filter(isContentToken),
            lower: /^\p{Ll}/u.test(bare),
            upper: /^\p{Lu}/u.test(bare),
            added: false,
          };
        }),
      };
      shapes.set(word, shape);
    }
    return shape;
  };
  for (const { text } of passages) {
    let startsSentence = true;
    for (const word of text.split(/\s+/)) {
      const shape = shapeOf(word);
      for (const part of shape.parts) {
        // A part's tokens need adding once per set (later adds change nothing): `added` says they were.
        if (part.lower) {
          if (part.added) continue;
          for (const token of part.tokens) lowercase.add(token);
          part.added = true;
        } else if (part.upper && !startsSentence && !part.added) {
          for (const token of part.tokens) capitalised.add(token);
          part.added = true;
        }
      }
      startsSentence = shape.endsSentence;
    }
  }
  return new Set([...capitalised].filter((token) => !lowercase.has(token)));
}

interface WordShape {
  readonly endsSentence: boolean;
  readonly parts: readonly {
    readonly tokens: readonly string[];
    readonly lower: boolean;
    readonly upper: boolean;
    /** Whether the tokens were already added to the one set this part's case sends them to. */
    added: boolean;
  }[];
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
