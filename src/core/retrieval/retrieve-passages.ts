import type { RetrievedPassage } from './retrieved-passage.js';
import { contentTerms, isContentToken } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import { tokenize } from '../text/tokenize.js';
import { documentYears } from '../pipeline/question-shape.js';
import type { KnowledgeDocument, Passage } from '../types.js';
import type { CorpusVocabulary } from './corpus-vocabulary.js';

/** What retrieval needs of the vector index: nearest passages to a vector, cosine similarity, best first. */
export interface VectorSearch {
  searchByVector(
    vector: number[],
    k: number,
    filter?: (passage: Passage) => boolean,
  ): Array<{ passage: Passage; score: number }>;
  /** Cosine similarity to passages found by the lexical channel (NaN when not indexed). */
  similarityTo?(vector: number[], passages: readonly Passage[]): number[];
}

export interface QueryEmbedder {
  embedQuery(text: string): Promise<number[]>;
}

export interface RetrieveOptions {
  /** Only passages of these documents (e.g. "what did the 2019 sheet say"). */
  readonly documentIds?: readonly string[];
}

export interface Retriever {
  retrieve(query: string, k: number, options?: RetrieveOptions): Promise<RetrievedPassage[]>;
}

export interface RetrieverSettings {
  /**
   * Weight of the IDF-weighted share of the query's terms found (stemmed) in a passage, added to cosine.
   * @default 0.3
   */
  readonly lexicalWeight: number;
  /** Fewest candidates fetched from the index for reranking, however small k is. @default 48 */
  readonly candidates: number;
  /** Candidates added by the lexical channel (rarer query words), beyond the graph's. @default 16 */
  readonly lexicalCandidates: number;
  /** Added to passages of the few documents whose titles name what the question names. @default 0.1 */
  readonly titleWeight: number;
}

export const DEFAULT_RETRIEVER_SETTINGS: RetrieverSettings = {
  lexicalWeight: 0.3,
  candidates: 48,
  lexicalCandidates: 16,
  titleWeight: 0.1,
};

/**
 * Vector search over the index, then a light lexical rerank of the candidates: the vector finds
 * paraphrases and typos, the exact terms break ties between passages that say similar things. Terms are
 * weighted by how rare they are in this corpus, so in a large archive the one word that names the subject
 * ("Japanese" among many partners' "companies support American jobs") decides.
 *
 * @param vocabulary - how many passages use each stem, for IDF.
 */
export function createRetriever(
  index: VectorSearch,
  embedder: QueryEmbedder,
  documents: ReadonlyMap<string, KnowledgeDocument>,
  vocabulary: Pick<CorpusVocabulary, 'stemPassageCounts' | 'passageCount' | 'postings'>,
  passages: readonly Passage[],
  settings: RetrieverSettings = DEFAULT_RETRIEVER_SETTINGS,
): Retriever {
  const passagesByDocument = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = passagesByDocument.get(passage.documentId);
    if (list === undefined) passagesByDocument.set(passage.documentId, [passage]);
    else list.push(passage);
  }
  const titleIndex = buildTitleIndex([...documents.values()]);
  // A year some sheet is dated in points at sheets by their date (the reading targets those, see
  // pipeline/question-shape.ts): the few sheets whose text happens to use the number are no clue.
  const datedYears = documentYears([...documents.values()]);
  const phraseMemo = new Map<string, readonly string[]>();
  const idf = (term: string) =>
    Math.log(1 + vocabulary.passageCount / ((vocabulary.stemPassageCounts.get(term) ?? 0) + 1));
  // Bounded: a long-running bot at 100,000 passages would otherwise end up holding a term set for every
  // passage any question ever touched (about 1 kB each).
  const termsOf = recentlyUsed(
    TERM_CACHE_SIZE,
    (passage: Passage) => new SortedTerms(contentTerms(passage.text)),
  );
  const plainTermsOf = recentlyUsed(
    TERM_CACHE_SIZE,
    (passage: Passage) => new SortedTerms(contentTerms(passage.text.replace(NAME_RUN, ' '))),
  );

  return {
    async retrieve(query, k, options = {}) {
      const vector = await embedder.embedQuery(query);
      const only = options.documentIds === undefined ? undefined : new Set(options.documentIds);
      const filter = only === undefined ? undefined : (passage: Passage) => only.has(passage.documentId);
      const wanted = [...new Set(contentTerms(query))].map((term) => ({ term, weight: idf(term) }));
      // Words typed in lower case mean the thing, not a name that contains the word: "trade" is about
      // trade, not about the "U.S. Trade and Development Agency".
      const typedLowercase = new Set(contentTerms(query.replace(/(?:^|\s)\p{Lu}\S*/gu, ' ')));
      const wantedWeight = wanted.reduce((sum, item) => sum + item.weight, 0);
      // A few documents' passages are scored exactly: a graph search with a very selective filter wanders
      // the whole graph (a callback per visited node) to find them.
      const targeted =
        only === undefined ? undefined : [...only].flatMap((id) => passagesByDocument.get(id) ?? []);
      const hits =
        targeted !== undefined && targeted.length <= EXACT_SCORING_LIMIT && index.similarityTo !== undefined
          ? scoreExactly(index.similarityTo(vector, targeted), targeted, candidateCount(k, settings))
          : index.searchByVector(vector, candidateCount(k, settings), filter);
      // Lexical channel: passages sharing the query's rarer words. In a large archive a short near-copy
      // about another partner can outscore the real passage on cosine and crowd it out of the graph's
      // candidates; the rare word ("Japanese") brings it back.
      // Only needed when the graph's candidates miss the query's rarest word the sheets use.
      const rarest = wanted
        .filter((item) => vocabulary.postings.has(item.term))
        .reduce<{ term: string; weight: number } | undefined>(
          (best, item) => (best === undefined || item.weight > best.weight ? item : best),
          undefined,
        );
      const missesRarest = rarest !== undefined && !hits.some((hit) => termsOf(hit.passage).has(rarest.term));
      // Document routing: a question naming what only a few sheets are titled after ("Japanese" among a
      // thousand partners' sheets), or what only a few sheets say anywhere ("Tokyo"), also searches those
      // sheets exactly, and ranks their passages a little higher.
      const routed =
        only === undefined
          ? new Set([
              ...routeByTitle(wanted, titleIndex),
              ...routeByVocabulary(
                wanted.filter((item) => !datedYears.has(item.term)),
                vocabulary.postings,
                passages,
                documents.size,
              ),
              ...routeByPhrase(query, vocabulary.postings, passages, documents.size, phraseMemo),
            ])
          : new Set<string>();
      if (routed.size > 0 && index.similarityTo !== undefined) {
        const inRouted = [...routed].flatMap((id) => passagesByDocument.get(id) ?? []);
        if (inRouted.length <= EXACT_SCORING_LIMIT) {
          const present = new Set(hits.map((hit) => hit.passage.id));
          const extra = inRouted.filter((passage) => !present.has(passage.id));
          hits.push(...scoreExactly(index.similarityTo(vector, extra), extra, candidateCount(k, settings)));
        }
      }
      const seen = new Set(hits.map((hit) => hit.passage.id));
      const lexical = !missesRarest
        ? []
        : lexicalCandidates(wanted, vocabulary, passages, settings.lexicalCandidates).filter(
            (passage) => !seen.has(passage.id) && (filter === undefined || filter(passage)),
          );
      if (lexical.length > 0 && index.similarityTo !== undefined) {
        const similarities = index.similarityTo(vector, lexical);
        lexical.forEach((passage, i) => {
          const score = similarities[i];
          if (score !== undefined && !Number.isNaN(score)) hits.push({ passage, score });
        });
      }
      const results: RetrievedPassage[] = [];
      for (const hit of hits) {
        const document = documents.get(hit.passage.documentId);
        if (document === undefined) continue;
        const terms = termsOf(hit.passage);
        let found = 0;
        for (const item of wanted) {
          if (!terms.has(item.term)) continue;
          const onlyInNames = typedLowercase.has(item.term) && !plainTermsOf(hit.passage).has(item.term);
          found += onlyInNames ? item.weight * NAME_ONLY_SHARE : item.weight;
        }
        const share = wantedWeight === 0 ? 0 : found / wantedWeight;
        const titleBoost = routed.has(document.id) ? settings.titleWeight : 0;
        results.push({
          passage: hit.passage,
          document,
          score: hit.score + settings.lexicalWeight * share + titleBoost,
        });
      }
      results.sort((a, b) => b.score - a.score);
      return results.slice(0, k);
    },
  };
}

/**
 * A passage's distinct terms, sorted, looked up by binary search: what retrieval keeps per recently scored
 * passage. A `Set` per passage cost twice as much (its hash table; ~8 MB for the 8,192 kept at 100,000 passages).
 */
class SortedTerms {
  private readonly terms: readonly string[];

  constructor(terms: Iterable<string>) {
    this.terms = [...new Set(terms)].sort();
  }

  has(term: string): boolean {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const here = this.terms[middle]!;
      if (here === term) return true;
      if (here < term) low = middle + 1;
      else high = middle;
    }
    return false;
  }
}

/** Passages whose term sets retrieval keeps at hand (those of the last ~80 questions' candidates). */
const TERM_CACHE_SIZE = 4_096;

/**
 * `compute` remembered for the `size` passages most recently asked about (by id), the least recently used
 * forgotten first.
 */
function recentlyUsed<T>(size: number, compute: (passage: Passage) => T): (passage: Passage) => T {
  const cache = new Map<string, T>();
  return (passage) => {
    const cached = cache.get(passage.id);
    if (cached !== undefined) {
      // Most recently used last: Map iteration order is insertion order, so the first key goes first.
      cache.delete(passage.id);
      cache.set(passage.id, cached);
      return cached;
    }
    const value = compute(passage);
    cache.set(passage.id, value);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return value;
  };
}

/**
 * Runs of two or more capitalised words, with the small words inside names and an initialism after
 * them: "U.S. Trade and Development Agency (USTDA)", "Ministry of Economy, Trade and Industry".
 */
const NAME_RUN =
  /\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:(?:of|and|for|the|de)\s+)*\p{Lu}[\p{L}.'’-]*)+(?:\s*\(\p{Lu}+\))?/gu;
/** A query word found in a passage only inside a name counts this much of a plain use. */
const NAME_ONLY_SHARE = 0.25;

/** How many candidates retrieving `k` passages fetches from the index (benchmarks fetch the same from raw hnswlib). */
export function candidateCount(k: number, settings: RetrieverSettings = DEFAULT_RETRIEVER_SETTINGS): number {
  return Math.max(k * 4, settings.candidates);
}

/**
 * The passages sharing most (IDF-weighted) of the query's words, read from the inverted index. Words used
 * by more than 2% of passages (or more than {@link MAX_POSTINGS}) are skipped: they cannot tell passages
 * apart, and their long posting lists are what would make this slow.
 */
const MAX_POSTINGS = 256;
/** Up to this many passages in the targeted documents, they are scored one by one instead of searched. */
const EXACT_SCORING_LIMIT = 2_000;

function scoreExactly(
  similarities: readonly number[],
  passages: readonly Passage[],
  k: number,
): Array<{ passage: Passage; score: number }> {
  return passages
    .map((passage, i) => ({ passage, score: similarities[i] ?? Number.NaN }))
    .filter((hit) => !Number.isNaN(hit.score))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

function lexicalCandidates(
  wanted: readonly { term: string; weight: number }[],
  vocabulary: Pick<CorpusVocabulary, 'postings' | 'passageCount'>,
  passages: readonly Passage[],
  limit: number,
): Passage[] {
  const maxPostings = Math.min(MAX_POSTINGS, Math.max(16, Math.ceil(vocabulary.passageCount * 0.02)));
  const scores = new Map<number, number>();
  for (const { term, weight } of wanted) {
    const list = vocabulary.postings.get(term);
    if (list === undefined || list.length > maxPostings) continue;
    for (const position of list) scores.set(position, (scores.get(position) ?? 0) + weight);
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .flatMap(([position]) => (passages[position] === undefined ? [] : [passages[position]]));
}

interface TitleIndex {
  readonly documentCount: number;
  /** Title stem → ids of the documents whose title uses it, in first-use order. */
  readonly postings: ReadonlyMap<string, readonly string[]>;
  /** The title stems of 4 or more letters, sorted, for finding those a question word begins. */
  readonly sortedTerms: readonly string[];
  /** Each title stem's place in `postings`, so matches are taken in that order. */
  readonly order: ReadonlyMap<string, number>;
}

function buildTitleIndex(documents: readonly KnowledgeDocument[]): TitleIndex {
  const postings = new Map<string, string[]>();
  for (const document of documents) {
    for (const term of new Set(contentTerms(document.title))) {
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [document.id]);
      else list.push(document.id);
    }
  }
  const order = new Map([...postings.keys()].map((term, i) => [term, i]));
  const sortedTerms = [...postings.keys()].filter((term) => term.length >= 4).sort();
  return { documentCount: documents.length, postings, sortedTerms, order };
}

/** Most documents a question can be routed to; more than this and the title word says too little. */
const MAX_ROUTED_DOCUMENTS = 8;
const MIN_DOCUMENTS_TO_ROUTE = 20;

/**
 * The documents whose titles use one of the question's words ("japanese" meets "japan": one stem starting
 * the other), when that word singles out a few documents; none when every title uses it.
 */
function routeByTitle(wanted: readonly { term: string }[], titles: TitleIndex): Set<string> {
  const routed = new Set<string>();
  // With a handful of sheets every passage is a candidate anyway; routing is for archives.
  if (titles.documentCount < MIN_DOCUMENTS_TO_ROUTE) return routed;
  const limit = routedDocumentLimit(titles.documentCount);
  for (const { term } of wanted) {
    if (term.length < 4) continue;
    // Title stems the word begins ("japanese" → "japan") or that begin with it, looked up rather than scanned
    // (a thousand titles' stems per question word), then taken in the titles' own order.
    const stems: string[] = [];
    for (let length = 4; length <= term.length; length += 1) {
      const prefix = term.slice(0, length);
      if (titles.postings.has(prefix)) stems.push(prefix);
    }
    for (let i = lowerBound(titles.sortedTerms, term); i < titles.sortedTerms.length; i += 1) {
      const titleTerm = titles.sortedTerms[i]!;
      if (!titleTerm.startsWith(term)) break;
      if (titleTerm !== term) stems.push(titleTerm);
    }
    stems.sort((a, b) => titles.order.get(a)! - titles.order.get(b)!);
    const matching = new Set<string>();
    for (const stem of stems) for (const id of titles.postings.get(stem) ?? []) matching.add(id);
    if (matching.size > 0 && matching.size <= limit) for (const id of matching) routed.add(id);
  }
  return routed;
}

/**
 * The documents that use one of the question's terms anywhere, when that term singles out a few documents of
 * an archive (its document frequency, read from the inverted index): "Tokyo" or "Abe" among a thousand
 * partners' sheets names the sheets about Japan even when the passage that answers does not use the word
 * ("…missile defense technology to Japan"), and near-copies of that passage about other partners then rank
 * below it. The limits are {@link routeByTitle}'s: with a handful of sheets, a word used by one of two says
 * nothing about which sheet is meant (and every passage is a candidate anyway).
 *
 * @param postings - stem → ascending positions in `passages` of the passages using it.
 * @param documentCount - documents in the knowledge base.
 * @returns ids of the documents routed to, in the question's term order.
 */
export function routeByVocabulary(
  wanted: readonly { term: string }[],
  postings: ReadonlyMap<string, Int32Array>,
  passages: readonly Pick<Passage, 'documentId'>[],
  documentCount: number,
): Set<string> {
  const routed = new Set<string>();
  if (documentCount < MIN_DOCUMENTS_TO_ROUTE) return routed;
  const limit = routedDocumentLimit(documentCount);
  for (const { term } of wanted) {
    const list = postings.get(term);
    if (list === undefined) continue;
    // Stops at the first document past the limit: a common word's long posting list costs a few hundred steps.
    const using = new Set<string>();
    for (const position of list) {
      const documentId = passages[position]?.documentId;
      if (documentId === undefined) continue;
      using.add(documentId);
      if (using.size > limit) break;
    }
    if (using.size <= limit) for (const id of using) routed.add(id);
  }
  return routed;
}

/**
 * {@link routeByVocabulary} for two words the question writes side by side ("energy partnership", "network
 * security"), each common alone: the documents whose text has them side by side too (only spaces, hyphens or
 * slashes between), when few do. A programme's or organisation's name is often such a pair ("Strategic
 * Energy Partnership"), and in an archive the near-copies about other partners name their own programmes.
 * Pairs whose words meet in more than {@link PHRASE_CHECK_SHARE} of passages are everyday wording and are not
 * checked (checking is a pattern test per passage where both words occur).
 *
 * @param query - the question as searched.
 * @param postings - stem → ascending positions in `passages` of the passages using it.
 * @param documentCount - documents in the knowledge base.
 * @returns ids of the documents routed to.
 */
export function routeByPhrase(
  query: string,
  postings: ReadonlyMap<string, Int32Array>,
  passages: readonly Pick<Passage, 'documentId' | 'text'>[],
  documentCount: number,
  memo: Map<string, readonly string[]> = new Map(),
): Set<string> {
  const routed = new Set<string>();
  if (documentCount < MIN_DOCUMENTS_TO_ROUTE) return routed;
  const limit = routedDocumentLimit(documentCount);
  for (const [first, second] of sideBySideWords(query)) {
    const terms = [stem(first), stem(second)] as const;
    // Only pairs of the sheets' own terms are checked, and so remembered: no other user input is kept.
    if (!postings.has(terms[0]) || !postings.has(terms[1])) continue;
    const key = terms.join(' ');
    let using = memo.get(key);
    if (using === undefined) {
      using = documentsUsingPhrase(terms, postings, passages, limit);
      if (memo.size >= PHRASE_MEMO_SIZE) memo.delete(memo.keys().next().value ?? '');
      memo.set(key, using);
    }
    for (const id of using) routed.add(id);
  }
  return routed;
}

/**
 * Pairs whose documents a retriever remembers: a question's searches (with and without its expansions)
 * share their pairs, and checking one pair can take a few milliseconds at 100,000 passages.
 */
const PHRASE_MEMO_SIZE = 1_024;

/**
 * The documents whose text has words of the two stems `terms` side by side, when at most `limit` do (none
 * otherwise, and none when the two words meet in more than {@link PHRASE_CHECK_SHARE} of passages).
 */
function documentsUsingPhrase(
  terms: readonly [string, string],
  postings: ReadonlyMap<string, Int32Array>,
  passages: readonly Pick<Passage, 'documentId' | 'text'>[],
  limit: number,
): readonly string[] {
  const firstList = postings.get(terms[0]);
  const secondList = postings.get(terms[1]);
  if (firstList === undefined || secondList === undefined) return [];
  const both = intersectSorted(firstList, secondList, Math.ceil(passages.length * PHRASE_CHECK_SHARE));
  if (both === undefined) return [];
  const pattern = phrasePattern(terms);
  const using = new Set<string>();
  for (const position of both) {
    const passage = passages[position];
    if (passage === undefined || using.has(passage.documentId)) continue;
    if (!hasPhrase(passage.text, pattern, terms)) continue;
    using.add(passage.documentId);
    if (using.size > limit) return [];
  }
  return [...using];
}

/** Share of passages two words may meet in for {@link routeByPhrase} to check where they stand side by side. */
const PHRASE_CHECK_SHARE = 0.05;

/** Consecutive words of `text` that are both content words of letters only (numbers route one by one). */
function sideBySideWords(text: string): Array<[string, string]> {
  const tokens = tokenize(text);
  const pairs: Array<[string, string]> = [];
  for (let i = 1; i < tokens.length; i += 1) {
    const first = tokens[i - 1]!;
    const second = tokens[i]!;
    if (isPhraseWord(first) && isPhraseWord(second)) pairs.push([first, second]);
  }
  return pairs;
}

function isPhraseWord(token: string): boolean {
  return /^\p{L}+$/u.test(token) && isContentToken(token);
}

/**
 * A pattern for a word beginning as the first stem does, less its last letter (Porter's "energi" is written
 * "energy", "defens" "defence"), then spaces, hyphens or slashes, then one beginning as the second stem does:
 * a cheap first test ("energ… partnershi…"), confirmed by {@link hasPhrase}.
 */
function phrasePattern(terms: readonly [string, string]): RegExp {
  const start = (term: string) => escapeForPattern(term.slice(0, Math.max(1, term.length - 1)));
  return new RegExp(`(?<![\\p{L}\\p{N}])${start(terms[0])}\\p{L}*[\\s/-]+${start(terms[1])}\\p{L}*`, 'giu');
}

/** Whether `text` has a match of `pattern` whose two words stem to `terms`. */
function hasPhrase(text: string, pattern: RegExp, terms: readonly string[]): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const found = contentTerms(match[0]);
    if (found.length === 2 && found[0] === terms[0] && found[1] === terms[1]) return true;
  }
  return false;
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The values both ascending lists hold, ascending; undefined once there are more than `max` (the caller
 * would not check that many).
 */
function intersectSorted(a: Int32Array, b: Int32Array, max: number): number[] | undefined {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      both.push(x);
      if (both.length > max) return undefined;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return both;
}

/** Most documents one question word may route to in an archive of `documentCount` (5%, at most 8). */
function routedDocumentLimit(documentCount: number): number {
  return Math.min(MAX_ROUTED_DOCUMENTS, Math.max(1, Math.floor(documentCount * 0.05)));
}

/** The first index of sorted `items` whose item is not below `value`. */
function lowerBound(items: readonly string[], value: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
