import type { TermCoverage } from '../retrieval/term-coverage.js';
import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import {
  mayAskForWords,
  promoteQuotedPassages,
  quotedPassagesFor,
  quotedShare,
} from '../service/quotation-intent.js';
import type { KnowledgeState } from '../service/knowledge-state.js';
import { unit, type WordVectorLookup } from '../retrieval/corpus-vocabulary.js';
import {
  preparePassage,
  rerankByAlignment,
  type AlignmentContext,
  type PreparedPassage,
} from '../retrieval/soft-alignment.js';
import { saidSentences } from './follow-up.js';
import type { Reading } from './interpret.js';
import type { Passage } from '../types.js';
import { answersAskedFact, namesPlaceBeyond, statesPosition } from '../answer/asked-fact.js';
import { splitSentences } from '../answer/split-sentences.js';
import { stem } from '../text/stem.js';
import { contentTerms, contentTokens } from '../text/content-terms.js';

export interface RetrieveStageOptions {
  /** Passages to retrieve. @default 6 */
  readonly k: number;
  /**
   * Search the question's expansions too. The judge reads the passages found without them: passages
   * an expansion brought in would otherwise vouch for the very word they were found for. @default true
   */
  readonly expand?: boolean;
  /**
   * Word meanings for the soft-alignment rerank: without them, passages keep the retriever's order.
   */
  readonly wordVectors?: WordVectorLookup;
}

/**
 * Candidates the soft-alignment rerank chooses among, when fewer are asked for. Measured on every seen set
 * (2026-11-30): 6 cites worse (questions.json 93.3% against 95.0%); 12 matches 18 on every figure but one
 * near-domain question of en-c, at about 0.3 ms less answer p95 (fetching and scoring more candidates).
 */
const RERANK_CANDIDATES = 12;

/** Candidates when a standing or places are asked for (see {@link withSharpAnswersAhead}). */
const SHARP_CANDIDATES = 18;

/**
 * Stage 3 of answering: the passages to answer from, best first. Searches the question as the person
 * typed it plus the sheets' words for its misspellings and paraphrases ({@link Reading.expansions}), within the sheets it targets;
 * a question about both sheets gets each sheet's best passage; quotations asked for come first; "tell me
 * more" puts what was already said last.
 */
export async function retrieveForReading(
  state: KnowledgeState,
  reading: Reading,
  options: RetrieveStageOptions,
): Promise<RetrievedPassage[]> {
  const query = [reading.standalone, ...(options.expand === false ? [] : reading.expansions)].join(' ');
  const { k } = options;
  const documentIds = reading.crossSheet ? undefined : reading.documentIds;
  let retrieved: RetrievedPassage[];
  const alignment =
    options.wordVectors === undefined ? undefined : alignmentContext(state, options.wordVectors);
  if (!reading.crossSheet) {
    const filter = documentIds === undefined ? {} : { documentIds };
    if (alignment === undefined) retrieved = await state.retriever.retrieve(query, k, filter);
    else {
      // A standing or places asked for: the passage stating them is often worded far from the question,
      // so more candidates are looked at for one (see withSharpAnswersAhead).
      const breadth =
        reading.asks === 'rank' || reading.asks === 'where' ? SHARP_CANDIDATES : RERANK_CANDIDATES;
      const candidates = await state.retriever.retrieve(query, Math.max(k, breadth), filter);
      retrieved = distinctFirst(
        withSharpAnswersAhead(
          rerankByAlignment(
            candidates,
            alignedCoverage(reading),
            alignment,
            undefined,
            alignmentsOf(reading),
          ),
          reading,
          partiesOf(state),
        ),
        k,
      );
    }
  } else {
    // Each sheet's best passage first, so neither is crowded out; one wider search is enough.
    const found = await state.retriever.retrieve(query, k * 4);
    // Reranked as a one-sheet question's candidates are, so each sheet's line is the one closest in meaning.
    const wide =
      alignment === undefined
        ? found
        : rerankByAlignment(found, alignedCoverage(reading), alignment, undefined, alignmentsOf(reading));
    const bestPerDocument = new Map<string, RetrievedPassage>();
    for (const item of wide)
      if (!bestPerDocument.has(item.document.id)) bestPerDocument.set(item.document.id, item);
    const leaders = [...bestPerDocument.values()].slice(0, 3);
    retrieved = [...leaders, ...wide.filter((item) => !leaders.includes(item))].slice(0, k);
    retrieved.sort((a, b) => b.score - a.score);
  }
  if (!mayAskForWords(reading.standalone))
    retrieved = withRemarksBehind(retrieved, (text) =>
      reading.asks === 'quantity' || reading.asks === 'count'
        ? answersAskedFact(reading.asks, text, reading.question)
        : false,
    );
  const quoted = quotedPassagesFor(reading.question, state, documentIds, retrieved, reading.expansions);
  const promoted = promoteQuotedPassages(retrieved, quoted, k);
  const ranked = reading.followUp ? withOwnNamesFirst(promoted, reading.question, state) : promoted;
  return reading.wantsMore ? unsaidFirst(ranked, saidSentences(reading.history), state) : ranked;
}

/**
 * "and what about USTDA?" after questions about OPIC: a follow-up that names something of the sheets' own
 * asks about it, as does one turning to something few passages speak of ("ok and what about hackers?",
 * read as cyberspace, after a quotation); the passages naming it come first (in their order), and the
 * earlier turns only frame it.
 */
function withOwnNamesFirst(
  passages: readonly RetrievedPassage[],
  question: string,
  state: Pick<KnowledgeState, 'vocabulary'>,
): RetrievedPassage[] {
  const counts = state.vocabulary.stemPassageCounts;
  const turning = TURNS_TO.test(question);
  const own = new Set(
    contentTokens(question)
      .filter((token) => {
        if (state.vocabulary.names.has(token)) return true;
        const using = counts.get(stem(token)) ?? 0;
        return turning && using > 0 && using <= DISTINCTIVE_PASSAGES;
      })
      .map(stem),
  );
  if (own.size === 0) return [...passages];
  const naming = (item: RetrievedPassage) => contentTerms(item.passage.text).some((term) => own.has(term));
  return [...passages.filter(naming), ...passages.filter((item) => !naming(item))];
}

/** A follow-up that turns to something else: "and what about USTDA?", "ok how about hackers, anything?". */
const TURNS_TO = /^\W*(?:(?:ok|okay|so|and|but|alright)\W+)*(?:what|how)\s+about\b/iu;

/** A word the sheets use in at most this many passages tells what a follow-up asks about (USTDA, cyberspace). */
const DISTINCTIVE_PASSAGES = 3;

/**
 * How much more a passage scores when it gives the asked fact in its sharpest form: a standing for "where
 * does Japan rank…?" ("the third largest", not "one of the largest"), places named for "which parts of the
 * world…?" ("Southeast Asia…", not "across the world"). Such a passage is often worded far from the
 * question ("pouring money into" for Foreign Direct Investment) and would not be among the few answered
 * from.
 */
const SHARP_ANSWER_BONUS = 1.1;

/** Passages that give the asked standing or places, scored up (see {@link SHARP_ANSWER_BONUS}), best first. */
export function withSharpAnswersAhead(
  passages: readonly RetrievedPassage[],
  reading: Pick<Reading, 'asks' | 'question' | 'typed'>,
  isParty: (place: string) => boolean = () => false,
): RetrievedPassage[] {
  const question = reading.typed ?? reading.question;
  const sharp =
    reading.asks === 'rank'
      ? statesPosition
      : reading.asks === 'where'
        ? (sentence: string) => namesPlaceBeyond(sentence, question, isParty)
        : undefined;
  if (sharp === undefined) return [...passages];
  return passages
    .map((item) =>
      splitSentences(item.passage.text).some(sharp)
        ? { ...item, score: item.score * SHARP_ANSWER_BONUS }
        : item,
    )
    .sort((a, b) => b.score - a.score);
}

/**
 * Share of content terms (Jaccard: shared over either's) from which a passage is a near-copy of another: in an
 * archive, the same sentence about another partner ("…the United States-Italy partnership in digital
 * economy…"), which differs by a name or two (0.8–0.95). The real sheets' most alike passages share at most
 * 0.5 (measured 2026-12-01 over every pair of their 45 passages), so none of theirs is a near-copy of another.
 */
const NEAR_COPY_SHARE = 0.7;

/**
 * The `k` passages to answer from, best first: a passage that is a near-copy of one already among them (see
 * {@link NEAR_COPY_SHARE}) gives way to the next passage that says something else, and fills in only when
 * fewer than `k` do. Three versions of one sentence about three partners tell the reader one thing; in an
 * archive they crowded the passage that answers (or the sheet's own version) out of the first three.
 * Scores and order are kept.
 */
export function distinctFirst(passages: readonly RetrievedPassage[], k: number): RetrievedPassage[] {
  const chosen: number[] = [];
  const copies: number[] = [];
  const termSets: ReadonlySet<string>[] = [];
  for (let i = 0; i < passages.length && chosen.length < k; i += 1) {
    const terms = new Set(contentTerms(passages[i]!.passage.text));
    if (termSets.some((earlier) => sharedShare(terms, earlier) >= NEAR_COPY_SHARE)) copies.push(i);
    else {
      chosen.push(i);
      termSets.push(terms);
    }
  }
  return [...chosen, ...copies.slice(0, Math.max(0, k - chosen.length))]
    .sort((a, b) => a - b)
    .map((i) => passages[i]!);
}

/** Jaccard similarity of two term sets: shared terms over the terms of either, in [0, 1]. */
function sharedShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const either = a.size + b.size - shared;
  return either === 0 ? 0 : shared / either;
}

/**
 * How much a passage that is mostly a quotation (at least half its characters quoted) keeps of its score
 * for a question not after anyone's words. A remark uses the alliance's most general words ("two leaders
 * of Japan and the United States… as close a relationship"), so it came first for vague questions about
 * anything: 29 of 112 wrongly cited answers on the seen English sets led with one remark (2026-12-01).
 * 0.8 measured +6.6 points cited summed over the seen sets (en-a…en-l, questions.json, holdout), nothing
 * lost; 0.9 +3.8, 0.7 +5.3 with 1.1 more wrongly refused.
 */
const REMARK_SHARE = 0.8;

/**
 * Passages that are mostly a quotation, scored down and reordered (see {@link REMARK_SHARE}), except one
 * that states the amount asked for ("how old is the alliance?" → "over the half-century history…").
 */
export function withRemarksBehind(
  passages: readonly RetrievedPassage[],
  statesAskedFact: (text: string) => boolean = () => false,
): RetrievedPassage[] {
  return passages
    .map((item) =>
      quotedShare(item.passage.text) >= 0.5 && !statesAskedFact(item.passage.text)
        ? { ...item, score: item.score * REMARK_SHARE }
        : item,
    )
    .sort((a, b) => b.score - a.score);
}

const alignmentsByReading = new WeakMap<Reading, Map<string, number>>();

/** The alignments computed for this reading's words so far (its two searches share most passages). */
/**
 * The coverage soft alignment weighs: a paraphrase of one of the commonest words ("keep" → "want") is matched
 * by its own meaning only, not by the sheet word it was read as (see {@link Reading.looseParaphrases}).
 */
function alignedCoverage(reading: Reading): readonly TermCoverage[] {
  const loose = reading.looseParaphrases;
  if (loose === undefined || loose.size === 0) return reading.coverage;
  return reading.coverage.map((item) =>
    loose.has(item.term.token) ? { term: item.term, kind: item.kind } : item,
  );
}

function alignmentsOf(reading: Reading): Map<string, number> {
  let memo = alignmentsByReading.get(reading);
  if (memo === undefined) {
    memo = new Map();
    alignmentsByReading.set(reading, memo);
  }
  return memo;
}

/** What alignment keeps per knowledge version: the sheets' word vectors, and recently read passages. */
interface AlignmentCache {
  readonly sheetWords: ReadonlyMap<string, Float32Array>;
  readonly passages: Map<string, PreparedPassage>;
}

const alignmentCaches = new WeakMap<KnowledgeState['vocabulary'], AlignmentCache>();

/**
 * Passages read for alignment kept per knowledge version: 4,096 covers the real sheets many times over,
 * and bounds memory at 100,000 passages (the oldest entry goes first).
 */
const PREPARED_PASSAGES = 4_096;

/**
 * Passage counts from the serving knowledge; the sheets' words' unit vectors, indexed once per
 * knowledge version, and passages read once while they keep being retrieved; a question's own words
 * looked up as asked (never cached: they are user input).
 */
function alignmentContext(state: KnowledgeState, table: WordVectorLookup): AlignmentContext {
  const { vocabulary } = state;
  let cache = alignmentCaches.get(vocabulary);
  if (cache === undefined) {
    cache = {
      sheetWords: new Map(vocabulary.wordVectors.map(({ word, vector }) => [word, vector])),
      passages: new Map(),
    };
    alignmentCaches.set(vocabulary, cache);
  }
  const { sheetWords, passages } = cache;
  const unitVector = (token: string): Float32Array | undefined => {
    const known = sheetWords.get(token);
    if (known !== undefined) return known;
    const vector = table.vector(token);
    return vector === undefined ? undefined : unit(vector);
  };
  return {
    unitVector,
    passagesUsing: (stem) => vocabulary.stemPassageCounts.get(stem) ?? 0,
    passageCount: state.knowledge.passages.length,
    prepared: (text) => {
      let passage = passages.get(text);
      if (passage === undefined) {
        passage = preparePassage(text, unitVector);
        if (passages.size >= PREPARED_PASSAGES) passages.delete(passages.keys().next().value ?? '');
        passages.set(text, passage);
      }
      return passage;
    },
  };
}

/**
 * A passage counts as said when the last answer repeated at least this share of its characters: an answer
 * that named a passage's subject in passing ("OPIC is the Overseas Private Investment Corporation") has
 * not said what the rest of it says, which is what "tell me more" wants.
 */
const SAID_SHARE = 0.5;

/** A passage counts as said when one sentence of the last answer used this share of its content terms. */
const RETOLD_SHARE = 0.6;

/**
 * Whether a passage was told already in `said` (sentences of earlier answers): most of its text repeated
 * word for word, or, told in other words (an answer retold in a thread, a model's summary), most of its terms.
 */
export function saidIn(said: readonly string[]): (item: RetrievedPassage) => boolean {
  const saidTerms = said.map((sentence) => new Set(contentTerms(sentence)));
  return (item) => {
    const text = item.passage.text;
    const repeated = said.filter((sentence) => text.includes(sentence)).reduce((sum, s) => sum + s.length, 0);
    if (repeated >= text.length * SAID_SHARE) return true;
    const terms = new Set(contentTerms(text));
    return (
      terms.size > 0 &&
      saidTerms.some(
        (words) => [...terms].filter((term) => words.has(term)).length >= terms.size * RETOLD_SHARE,
      )
    );
  };
}

/**
 * "Tell me more": what was not said yet first, and first of that the rest of the section the last answer
 * came from, in the sheet's order after it (what a reader of the sheet would read next); what was said last.
 */
function unsaidFirst(
  passages: readonly RetrievedPassage[],
  said: readonly string[],
  state: Pick<KnowledgeState, 'knowledge' | 'documentsById'>,
): RetrievedPassage[] {
  if (said.length === 0) return [...passages];
  const wasSaid = saidIn(said);
  const saidItems = passages.filter(wasSaid);
  const unsaid = passages.filter((item) => !wasSaid(item));
  const last = saidItems[0]?.passage;
  if (last === undefined) return [...unsaid, ...saidItems];
  const retrieved = new Set(passages.map((item) => item.passage.id));
  const best = passages[0]?.score ?? 0;
  const document = state.documentsById.get(last.documentId);
  const sameSection = (passage: Passage) =>
    passage.documentId === last.documentId && passage.section === last.section && passage.id !== last.id;
  // The section's other lines, those after the one said first: retrieval may not have found them.
  const rest = state.knowledge.passages
    .filter((passage) => sameSection(passage) && !retrieved.has(passage.id))
    .sort(
      (a, b) =>
        Number(a.position < last.position) - Number(b.position < last.position) || a.position - b.position,
    )
    .flatMap((passage) => (document === undefined ? [] : [{ passage, document, score: best * RETOLD_SHARE }]))
    .filter((item) => !wasSaid(item));
  return [
    ...unsaid.filter((item) => sameSection(item.passage)),
    ...rest,
    ...unsaid.filter((item) => !sameSection(item.passage)),
    ...saidItems,
  ];
}

/**
 * The places a knowledge base's passages name everywhere (at least {@link PARTY_SHARE} of them: Japan, the
 * United States): who acts in the sheets, never the answer to "where". Lower-case place word in.
 */
export function partiesOf(state: KnowledgeState): (place: string) => boolean {
  const counts = state.vocabulary.stemPassageCounts;
  const floor = state.knowledge.passages.length * PARTY_SHARE;
  return (place) => (counts.get(stem(place)) ?? 0) >= floor;
}

/** Share of passages that name a place for it to be one of the parties (see {@link partiesOf}). */
const PARTY_SHARE = 0.2;
