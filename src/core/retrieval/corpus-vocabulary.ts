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
 * Per-document work a later vocabulary can reuse: what each run of one document's passages contributes,
 * remembered for as long as those passage objects live (a reload that leaves a file unchanged gets the very same
 * objects from the knowledge parse cache, so only changed documents are tokenised again).
 */
export interface VocabularyCache {
  readonly segments: WeakMap<Passage, SegmentVocabulary>;
}

export function createVocabularyCache(): VocabularyCache {
  return { segments: new WeakMap() };
}

/** What one contiguous run of a document's passages contributes to the vocabulary. */
interface SegmentVocabulary {
  /** The exact passage objects, to check a cached segment still applies. */
  readonly passages: readonly Passage[];
  /** Distinct terms (stems and initialisms) in first-use order. */
  readonly terms: readonly string[];
  /** Per passage, its distinct terms as indexes into `terms`, in first-use order. */
  readonly termsByPassage: readonly Int32Array[];
  /** Distinct content tokens in first-use order. */
  readonly surfaceWords: readonly string[];
  /** Tokens written capitalised inside a sentence, in first-use order, and tokens written in lower case. */
  readonly capitalised: readonly string[];
  readonly lowercase: readonly string[];
}

/** Memos shared by the segments of one build: tokens and words repeat across documents. */
interface BuildMemo {
  /** Token → its stem, or undefined for a token that is not a content word. */
  readonly stems: Map<string, string | undefined>;
  readonly shapes: Map<string, WordShape>;
}

/**
 * @param extraTexts - text that is part of the knowledge without being a passage (titles, years).
 * @param cache - segments of earlier builds to reuse (see {@link VocabularyCache}); this build's are added.
 */
export function buildCorpusVocabulary(
  passages: readonly Passage[],
  vectors?: WordVectorLookup,
  extraTexts: readonly string[] = [],
  cache?: VocabularyCache,
): CorpusVocabulary {
  const surfaceWords = new Set<string>();
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  // Each distinct term gets a number once, in first-use order (the maps below are filled in that order, as a
  // passage-by-passage scan would fill them), and the per-passage work is array arithmetic.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  const lists: number[][] = [];
  const idOf = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      counts.push(0);
      lists.push([]);
    }
    return id;
  };
  const memo: BuildMemo = { stems: new Map(), shapes: new Map() };
  for (let start = 0; start < passages.length;) {
    let end = start + 1;
    while (end < passages.length && passages[end]!.documentId === passages[start]!.documentId) end += 1;
    const segment = segmentVocabulary(passages.slice(start, end), memo, cache);
    // The segment's new terms come in its own first-use order, which is their global first-use order.
    const global = segment.terms.map(idOf);
    segment.termsByPassage.forEach((local, offset) => {
      for (const id of local) {
        const term = global[id]!;
        counts[term]! += 1;
        lists[term]!.push(start + offset);
      }
    });
    for (const word of segment.surfaceWords) surfaceWords.add(word);
    for (const token of segment.capitalised) capitalised.add(token);
    for (const token of segment.lowercase) lowercase.add(token);
    start = end;
  }
  // Titles and years count as uses, but are no passage: no postings, no names.
  for (const text of extraTexts) {
    const here = new Set<number>();
    for (const token of tokenize(text)) {
      const stemmed = stemOf(token, memo);
      if (stemmed === undefined) continue;
      here.add(idOf(stemmed));
      surfaceWords.add(token);
    }
    for (const initialism of initialismsOf(text)) here.add(idOf(initialism));
    for (const id of here) counts[id]! += 1;
  }
  const stemPassageCounts = new Map<string, number>();
  const postings = new Map<string, number[]>();
  terms.forEach((term, id) => {
    stemPassageCounts.set(term, counts[id]!);
    if (lists[id]!.length > 0) postings.set(term, lists[id]!);
  });
  const names = new Set([...capitalised].filter((token) => !lowercase.has(token)));

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
    names,
  };
}

function stemOf(token: string, memo: BuildMemo): string | undefined {
  let stemmed = memo.stems.get(token);
  if (stemmed === undefined && !memo.stems.has(token)) {
    stemmed = isContentToken(token) ? stem(token) : undefined;
    memo.stems.set(token, stemmed);
  }
  return stemmed;
}

/** A run of one document's passages, from the cache when the very same passage objects were seen before. */
function segmentVocabulary(
  passages: readonly Passage[],
  memo: BuildMemo,
  cache: VocabularyCache | undefined,
): SegmentVocabulary {
  const cached = cache?.segments.get(passages[0]!);
  if (
    cached !== undefined &&
    cached.passages.length === passages.length &&
    cached.passages.every((passage, i) => passage === passages[i])
  ) {
    return cached;
  }
  const localIds = new Map<string, number>();
  const terms: string[] = [];
  const surfaceWords: string[] = [];
  const seenWords = new Set<string>();
  const lastPassage: number[] = [];
  const termsByPassage = passages.map((passage, index) => {
    const here: number[] = [];
    const use = (term: string) => {
      let id = localIds.get(term);
      if (id === undefined) {
        id = terms.length;
        localIds.set(term, id);
        terms.push(term);
        lastPassage.push(-1);
      }
      if (lastPassage[id] === index) return;
      lastPassage[id] = index;
      here.push(id);
    };
    for (const token of tokenize(passage.text)) {
      const stemmed = stemOf(token, memo);
      if (stemmed === undefined) continue;
      use(stemmed);
      if (!seenWords.has(token)) {
        seenWords.add(token);
        surfaceWords.push(token);
      }
    }
    // "the UN" is covered when the sheets say "the United Nations".
    for (const initialism of initialismsOf(passage.text)) use(initialism);
    return Int32Array.from(here);
  });
  const { capitalised, lowercase } = nameTokens(passages, memo.shapes);
  const segment: SegmentVocabulary = {
    passages,
    terms,
    termsByPassage,
    surfaceWords,
    capitalised: [...capitalised],
    lowercase: [...lowercase],
  };
  cache?.segments.set(passages[0]!, segment);
  return segment;
}

/**
 * Tokens of words written capitalised after a sentence's first word (in first-use order), and tokens written in
 * lower case: the names are the first less the second.
 * @param shapes - what matters of each distinct whitespace-separated word, shared across calls: words repeat.
 */
function nameTokens(
  passages: readonly Passage[],
  shapes: Map<string, WordShape>,
): { capitalised: Set<string>; lowercase: Set<string> } {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
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
        for (const token of part.tokens) {
          if (part.lower) lowercase.add(token);
          else if (part.upper && !startsSentence) capitalised.add(token);
        }
      }
      startsSentence = shape.endsSentence;
    }
  }
  return { capitalised, lowercase };
}

interface WordShape {
  readonly endsSentence: boolean;
  readonly parts: readonly {
    readonly tokens: readonly string[];
    readonly lower: boolean;
    readonly upper: boolean;
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
