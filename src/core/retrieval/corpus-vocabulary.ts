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
  /**
   * Stem → positions (in the passage list) of the passages that use it, ascending: the inverted index. Views of
   * one shared buffer (at 100,000 passages a number[] per stem cost about 30 MB, these about 10).
   */
  readonly postings: ReadonlyMap<string, Int32Array>;
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
  /** Every term and word the cached segments use, numbered once for the cache's life (see {@link Dictionary}). */
  readonly dictionary: Dictionary;
}

export function createVocabularyCache(): VocabularyCache {
  return { segments: new WeakMap(), dictionary: createDictionary() };
}

/**
 * Terms (stems, initialisms) and surface words, each numbered once, so merging a thousand documents' segments into
 * one vocabulary is array arithmetic on numbers instead of a string lookup per term per document (at 100,000
 * passages that lookup work took most of the merge). Append-only: a reload that drops a word keeps its number.
 */
interface Dictionary {
  readonly termIds: Map<string, number>;
  readonly terms: string[];
  readonly wordIds: Map<string, number>;
  readonly words: string[];
  /** Per word vector table: each word's unit vector, null when it has none (filled as words are first merged). */
  readonly unitVectors: WeakMap<WordVectorLookup, (Float32Array | null | undefined)[]>;
}

function createDictionary(): Dictionary {
  return { termIds: new Map(), terms: [], wordIds: new Map(), words: [], unitVectors: new WeakMap() };
}

/** The number of `value` in an append-only table (`ids` and `values` kept in step), added if new. */
function intern(ids: Map<string, number>, values: string[], value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = values.length;
    ids.set(value, id);
    values.push(value);
  }
  return id;
}

function termNumber(dictionary: Dictionary, term: string): number {
  return intern(dictionary.termIds, dictionary.terms, term);
}

function wordNumber(dictionary: Dictionary, word: string): number {
  return intern(dictionary.wordIds, dictionary.words, word);
}

function termNumbers(dictionary: Dictionary, terms: readonly string[]): Int32Array {
  return Int32Array.from(terms, (term) => termNumber(dictionary, term));
}

function wordNumbers(dictionary: Dictionary, words: Iterable<string>): Int32Array {
  return Int32Array.from(words, (word) => wordNumber(dictionary, word));
}

/** First-use order of dictionary numbers within one build: which were met, and in what order. */
class FirstUse {
  private seen: Uint8Array;
  readonly order: number[] = [];
  constructor(size: number) {
    this.seen = new Uint8Array(size);
  }
  add(id: number): boolean {
    if (id >= this.seen.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[id] === 1) return false;
    this.seen[id] = 1;
    this.order.push(id);
    return true;
  }
  has(id: number): boolean {
    return id < this.seen.length && this.seen[id] === 1;
  }
}

/**
 * One document's vocabulary work in a form JSON can hold, for saving with the parsed knowledge so a restart does
 * not tokenise the sheets again (see {@link storedDocumentVocabulary} and {@link restoreDocumentVocabulary}).
 */
export interface StoredDocumentVocabulary {
  readonly terms: readonly string[];
  /** The term indexes, int32 in this machine's byte order (the store is local to it), base64. */
  readonly termIds: string;
  /** `passages + 1` offsets into `termIds`, encoded like `termIds`. */
  readonly termOffsets: string;
  readonly surfaceWords: readonly string[];
  readonly capitalised: readonly string[];
  readonly lowercase: readonly string[];
}

/**
 * The vocabulary work the cache holds for exactly these passages (one document's, in order), or undefined when
 * it holds none (they were never part of a built vocabulary).
 */
export function storedDocumentVocabulary(
  cache: VocabularyCache,
  passages: readonly Passage[],
): StoredDocumentVocabulary | undefined {
  const segment = passages.length === 0 ? undefined : cachedSegment(cache, passages);
  if (segment === undefined) return undefined;
  const { terms, words } = cache.dictionary;
  const wordsOf = (ids: Int32Array) => Array.from(ids, (id) => words[id]!);
  return {
    terms: Array.from(segment.terms, (id) => terms[id]!),
    termIds: int32Base64(segment.termIds),
    termOffsets: int32Base64(segment.termOffsets),
    surfaceWords: wordsOf(segment.surfaceWords),
    capitalised: wordsOf(segment.capitalised),
    lowercase: wordsOf(segment.lowercase),
  };
}

/**
 * Puts saved vocabulary work for these passages (one document's, the very objects a later build will see) into
 * the cache, so building a vocabulary that includes them does not tokenise them again.
 * @throws Error when `stored` does not fit the passages (wrong counts, term indexes out of range).
 */
export function restoreDocumentVocabulary(
  cache: VocabularyCache,
  passages: readonly Passage[],
  stored: StoredDocumentVocabulary,
): void {
  const termIds = base64Int32(stored.termIds);
  const termOffsets = base64Int32(stored.termOffsets);
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (
    passages.length === 0 ||
    termOffsets.length !== passages.length + 1 ||
    termOffsets[0] !== 0 ||
    termOffsets[passages.length] !== termIds.length ||
    !strings(stored.terms) ||
    !strings(stored.surfaceWords) ||
    !strings(stored.capitalised) ||
    !strings(stored.lowercase)
  ) {
    throw new Error('stored vocabulary does not fit its passages');
  }
  for (let i = 0; i < passages.length; i += 1) {
    if (termOffsets[i]! > termOffsets[i + 1]!) throw new Error('stored vocabulary offsets are not ascending');
  }
  for (const id of termIds) {
    if (!(id >= 0 && id < stored.terms.length)) throw new Error('stored vocabulary names a term it lacks');
  }
  const { dictionary } = cache;
  cache.segments.set(passages[0]!, {
    passages: [...passages],
    terms: termNumbers(dictionary, stored.terms),
    termIds,
    termOffsets,
    surfaceWords: wordNumbers(dictionary, stored.surfaceWords),
    capitalised: wordNumbers(dictionary, stored.capitalised),
    lowercase: wordNumbers(dictionary, stored.lowercase),
  });
}

function int32Base64(values: Int32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function base64Int32(text: string): Int32Array {
  if (typeof text !== 'string') throw new Error('stored vocabulary is not base64 text');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new Error('stored vocabulary has a partial int32');
  // A copy: a Buffer may be a slice of a shared pool, at any byte offset.
  const values = new Int32Array(bytes.length / 4);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}

/**
 * What one contiguous run of a document's passages contributes to the vocabulary, its terms and words as numbers of
 * its cache's dictionary (a thousand documents' lists as strings were some 1.5 million strings at 100,000 passages).
 */
interface SegmentVocabulary {
  /** The exact passage objects, to check a cached segment still applies. */
  readonly passages: readonly Passage[];
  /** Distinct terms (stems and initialisms) in first-use order, as dictionary term numbers. */
  readonly terms: Int32Array;
  /**
   * Each passage's distinct terms as indexes into `terms`, in first-use order, back to back: passage i's are
   * `termIds[termOffsets[i] .. termOffsets[i + 1])` (one array per document, not one per passage).
   */
  readonly termIds: Int32Array;
  /** `passages.length + 1` offsets into `termIds`. */
  readonly termOffsets: Int32Array;
  /** Distinct content tokens in first-use order, as dictionary word numbers. */
  readonly surfaceWords: Int32Array;
  /** Tokens written capitalised inside a sentence, in first-use order, and tokens written in lower case (numbers). */
  readonly capitalised: Int32Array;
  readonly lowercase: Int32Array;
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
  cache: VocabularyCache = createVocabularyCache(),
): CorpusVocabulary {
  const { dictionary } = cache;
  // Terms, surface words and name tokens are taken in first-use order (the maps below are filled in that order,
  // as a passage-by-passage scan would fill them); the per-passage work is array arithmetic on numbers.
  /** Dictionary number → this build's term number (−1 until first used). */
  let order = new Int32Array(dictionary.terms.length + 1024).fill(-1);
  const terms: string[] = [];
  /** Per term: passages using it. */
  const postingCounts: number[] = [];
  const idOf = (dictionaryId: number) => {
    if (dictionaryId >= order.length) {
      const grown = new Int32Array(Math.max(dictionaryId + 1, order.length * 2)).fill(-1);
      grown.set(order);
      order = grown;
    }
    let id = order[dictionaryId]!;
    if (id < 0) {
      id = terms.length;
      order[dictionaryId] = id;
      terms.push(dictionary.terms[dictionaryId]!);
      postingCounts.push(0);
    }
    return id;
  };
  const surfaceWords = new FirstUse(dictionary.words.length);
  const capitalised = new FirstUse(dictionary.words.length);
  const lowercase = new FirstUse(dictionary.words.length);
  const memo: BuildMemo = { stems: new Map(), shapes: new Map() };
  const placed: {
    readonly segment: SegmentVocabulary;
    readonly start: number;
    readonly global: Int32Array;
  }[] = [];
  let postingTotal = 0;
  for (let start = 0; start < passages.length;) {
    let end = start + 1;
    while (end < passages.length && passages[end]!.documentId === passages[start]!.documentId) end += 1;
    const segment = segmentVocabulary(passages.slice(start, end), memo, cache);
    // The segment's new terms come in its own first-use order, which is their global first-use order.
    const global = segment.terms.map(idOf);
    const ids = segment.termIds;
    for (let at = 0; at < ids.length; at += 1) postingCounts[global[ids[at]!]!]! += 1;
    postingTotal += ids.length;
    placed.push({ segment, start, global });
    for (const word of segment.surfaceWords) surfaceWords.add(word);
    for (const token of segment.capitalised) capitalised.add(token);
    for (const token of segment.lowercase) lowercase.add(token);
    start = end;
  }
  // Every term's postings in one buffer, in term order; filled in passage order, so each list is ascending.
  const postingStart = new Int32Array(terms.length + 1);
  for (let id = 0; id < terms.length; id += 1) postingStart[id + 1] = postingStart[id]! + postingCounts[id]!;
  const postingBuffer = new Int32Array(postingTotal);
  const filled = postingStart.slice(0, terms.length);
  for (const { segment, start, global } of placed) {
    const { termIds: ids, termOffsets: offsets } = segment;
    for (let passage = 0; passage + 1 < offsets.length; passage += 1) {
      for (let at = offsets[passage]!; at < offsets[passage + 1]!; at += 1) {
        postingBuffer[filled[global[ids[at]!]!]!++] = start + passage;
      }
    }
  }
  const counts = postingCounts.slice();
  // Titles and years count as uses, but are no passage: no postings, no names.
  for (const text of extraTexts) {
    const here = new Set<number>();
    for (const token of tokenize(text)) {
      const stemmed = stemOf(token, memo);
      if (stemmed === undefined) continue;
      here.add(idOf(termNumber(dictionary, stemmed)));
      surfaceWords.add(wordNumber(dictionary, token));
    }
    for (const initialism of initialismsOf(text)) here.add(idOf(termNumber(dictionary, initialism)));
    for (const id of here) counts[id] = (counts[id] ?? 0) + 1;
  }
  const stemPassageCounts = new Map<string, number>();
  const postings = new Map<string, Int32Array>();
  terms.forEach((term, id) => {
    stemPassageCounts.set(term, counts[id]!);
    if (postingCounts[id]! > 0)
      postings.set(term, postingBuffer.subarray(postingStart[id], postingStart[id + 1]));
  });
  const names = new Set<string>();
  for (const token of capitalised.order) if (!lowercase.has(token)) names.add(dictionary.words[token]!);

  const wordsByLength = new Map<number, string[]>();
  const wordVectors: { word: string; vector: Float32Array }[] = [];
  let units = vectors === undefined ? undefined : dictionary.unitVectors.get(vectors);
  if (vectors !== undefined && units === undefined) {
    units = [];
    dictionary.unitVectors.set(vectors, units);
  }
  for (const id of surfaceWords.order) {
    const word = dictionary.words[id]!;
    const bucket = wordsByLength.get(word.length);
    if (bucket === undefined) wordsByLength.set(word.length, [word]);
    else bucket.push(word);
    if (vectors === undefined || units === undefined) continue;
    let vector = units[id];
    if (vector === undefined) {
      const raw = vectors.vector(word);
      vector = raw === undefined ? null : unit(raw);
      units[id] = vector;
    }
    if (vector !== null) wordVectors.push({ word, vector });
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

/** The cached work for exactly these passage objects, in this order. */
function cachedSegment(cache: VocabularyCache, passages: readonly Passage[]): SegmentVocabulary | undefined {
  const cached = cache.segments.get(passages[0]!);
  return cached !== undefined &&
    cached.passages.length === passages.length &&
    cached.passages.every((passage, i) => passage === passages[i])
    ? cached
    : undefined;
}

/** A run of one document's passages, from the cache when the very same passage objects were seen before. */
function segmentVocabulary(
  passages: readonly Passage[],
  memo: BuildMemo,
  cache: VocabularyCache,
): SegmentVocabulary {
  const cached = cachedSegment(cache, passages);
  if (cached !== undefined) return cached;
  const localIds = new Map<string, number>();
  const terms: string[] = [];
  const surfaceWords: string[] = [];
  const seenWords = new Set<string>();
  const lastPassage: number[] = [];
  const ids: number[] = [];
  const termOffsets = new Int32Array(passages.length + 1);
  passages.forEach((passage, index) => {
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
      ids.push(id);
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
    termOffsets[index + 1] = ids.length;
  });
  const { capitalised, lowercase } = nameTokens(passages, memo.shapes);
  const { dictionary } = cache;
  const segment: SegmentVocabulary = {
    passages,
    terms: termNumbers(dictionary, terms),
    termIds: Int32Array.from(ids),
    termOffsets,
    surfaceWords: wordNumbers(dictionary, surfaceWords),
    capitalised: wordNumbers(dictionary, capitalised),
    lowercase: wordNumbers(dictionary, lowercase),
  };
  cache.segments.set(passages[0]!, segment);
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
