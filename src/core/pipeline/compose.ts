import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { splitSentences } from '../answer/split-sentences.js';
import { contentTerms, contentTokens } from '../text/content-terms.js';
import type { KnowledgeBase, Passage } from '../types.js';
import type { Reading } from './interpret.js';
import {
  askedOffice,
  asksWhichNamedThings,
  countsNamedThings,
  namesOfficeHolder,
  statesAskedFact,
} from './question-shape.js';
import {
  answersAskedFact,
  enumeratesNames,
  namesListed,
  namesPlaceBeyond,
  placesBeyond,
  statesPosition,
} from '../answer/asked-fact.js';
import { wordForms } from '../text/word-forms.js';
import { isStopword } from '../text/stopwords.js';
import { withoutChatWords } from './casual-words.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

/** A passage scoring at least this share of the best one may lead an answer. */
export const LEAD_SHARE = 0.85;

/**
 * "and where?", "who said that?", "when was that?" right after an answer: a follow-up that asks for a fact
 * of some kind and names nothing of its own asks it of what was just said, so the passage the last answer
 * quoted leads when it states a fact of that kind ("…a new Alabama manufacturing plant" for "and where?"),
 * however well the conversation's other words retrieve another.
 */
export function leadWithLastAnswer(
  reading: Reading,
  passages: readonly RetrievedPassage[],
): RetrievedPassage[] {
  const said = [...reading.history].reverse().find((turn) => turn.role === 'assistant')?.text;
  // "and which ones?" asks past what was said, for the things it spoke of as a whole.
  if (
    !reading.followUp ||
    reading.hasTopic ||
    reading.wantsMore ||
    reading.asks === undefined ||
    said === undefined ||
    asksWhichNamedThings(reading.typed ?? reading.question)
  )
    return [...passages];
  const quoted = passages.find(
    (item) => said.includes(item.passage.text.slice(0, QUOTED_PREFIX)) && statesWhatWasAsked(reading, item),
  );
  return quoted === undefined || quoted === passages[0]
    ? [...passages]
    : [quoted, ...passages.filter((item) => item !== quoted)];
}

/** How much of a passage's opening an earlier answer must hold to have quoted it (characters). */
const QUOTED_PREFIX = 60;

/**
 * A who/when/how-much question leads with a passage that holds a fact of the asked kind (and every
 * number the question states), when one retrieved nearly as well as the best: "How many times have they met?" leads with "nearly 30 official
 * meetings", not with the passage that merely names both leaders.
 *
 * @param share - a passage scoring at least this share of the best one may lead. @default LEAD_SHARE
 */
export function leadWithAskedFact(
  reading: Reading,
  passages: readonly RetrievedPassage[],
  share = LEAD_SHARE,
  isParty: (place: string) => boolean = () => false,
): RetrievedPassage[] {
  const best = passages[0];
  if (best === undefined || (reading.asks === undefined && reading.statedNumbers.length === 0))
    return [...passages];
  const fits = (item: RetrievedPassage) => statesWhatWasAsked(reading, item);
  const close = passages.filter((item) => item.score >= best.score * share && fits(item));
  const question = reading.typed ?? reading.question;
  const said = (item: RetrievedPassage, test: (sentence: string) => boolean) =>
    splitSentences(item.passage.text).some(test);
  // The sharpest answer of the kind among those close to the best: "How much did Toyota and Mazda
  // invest?": "$1.6 billion", not "billions of dollars" (not "how long / how often": "over the
  // half-century" answers those in words); "where does Japan rank?": "the third largest", not "one of the
  // largest"; "which parts of the world?": "Southeast Asia, South Asia…", not "across the world"; "which
  // firms?": "Toyota, Mazda, Honda, and Denso", not the one company praised.
  // Named things are often listed a little way from the passage that speaks of them as a whole
  // ("Japanese companies support over 850,000 jobs" → "companies such as Toyota, Mazda…"), so a list may
  // lead from as far as a count may (see reachForAskedFact).
  // The longest list leads: "which firms poured cash into plants?" is answered by "Toyota, Mazda, Honda, and
  // Denso", not by the two companies praised for one plant; the better retrieved among equals.
  const listed = () => {
    let most: RetrievedPassage | undefined;
    let mostNames = 0;
    for (const item of passages) {
      if (item.score < best.score * REACH_SHARE) continue;
      const names = Math.max(
        0,
        ...splitSentences(item.passage.text).map((sentence) => {
          const plain = withoutParties(sentence, isParty);
          return enumeratesNames(plain) ? Math.max(2, namesListed(plain)) : 0;
        }),
      );
      if (names > mostNames) [most, mostNames] = [item, names];
    }
    return most;
  };
  const office = askedOffice(question);
  // "is it true japanese firms employ like a million americans?": the figure counting what the guess counts
  // ("850,000 American jobs"), not another amount ("billions of dollars").
  const guessed = new Set(
    countedWords(reading.question)
      .filter((word) => !SCALE_WORDS.has(word) && !isStopword(word))
      .flatMap((word) => [...wordForms(word)]),
  );
  const countsTheSame =
    guessed.size === 0 ||
    !(reading.asks === 'quantity' || reading.asks === 'count' || reading.asks === 'money')
      ? undefined
      : close.find(
          (item) =>
            statesFigure(reading, item) &&
            countedWords(item.passage.text).some((word) =>
              [...wordForms(word)].some((form) => guessed.has(form)),
            ),
        );
  const exact =
    countsTheSame ??
    (reading.asks === 'count' && countsNamedThings(question)
      ? (listed() ?? close.find((item) => statesFigure(reading, item)))
      : reading.asks === 'money' || reading.asks === 'count'
        ? close.find((item) => statesFigure(reading, item))
        : reading.asks === 'rank'
          ? close.find((item) => said(item, statesPosition))
          : reading.asks === 'where'
            ? mostPlaces(close, question, isParty)
            : reading.asks === 'who' && asksWhichNamedThings(question)
              ? listed()
              : office !== undefined
                ? // "who is the prime minister of japan?": the passage naming someone by that office.
                  passages.find(
                    (item) =>
                      item.score >= best.score * REACH_SHARE && namesOfficeHolder(item.passage.text, office),
                  )
                : undefined);
  const leader = exact ?? (fits(best) ? best : close[0]);
  return leader === undefined || leader === best
    ? [...passages]
    : [leader, ...passages.filter((item) => item !== leader)];
}

/**
 * The close passage naming places beyond the question; for "which regions…?", "which parts of the world…?"
 * the one naming the most ("Southeast Asia, South Asia, and Sub-Saharan Africa", not "the Indo-Pacific
 * region"), the best retrieved among equals.
 */
function mostPlaces(
  close: readonly RetrievedPassage[],
  question: string,
  isParty: (place: string) => boolean,
): RetrievedPassage | undefined {
  const naming = close.filter((item) =>
    splitSentences(item.passage.text).some((sentence) => namesPlaceBeyond(sentence, question, isParty)),
  );
  if (!ASKS_FOR_PLACES.test(question)) return naming[0];
  let most: RetrievedPassage | undefined;
  let mostCount = -1;
  for (const item of naming) {
    const count = placesBeyond(item.passage.text, question, isParty).length;
    if (count > mostCount) [most, mostCount] = [item, count];
  }
  return most;
}

/** Asks for several places: "which regions", "what parts of the world", "which countries". */
const ASKS_FOR_PLACES =
  /\b(?:which|what)\s+(?:[\p{L}-]+\s+)?(?:regions|places|areas|countries|nations|parts|spots|corners)\b/iu;

/**
 * The sentence with the names every passage uses (the parties: "the United States and Japan") in lower
 * case, so that they do not read as a list of the names asked for.
 */
function withoutParties(sentence: string, isParty: (name: string) => boolean): string {
  return sentence.replace(/\p{Lu}[\p{L}\p{N}.-]*/gu, (name) =>
    isParty(name.toLowerCase()) ? name.toLowerCase() : name,
  );
}

/**
 * A passage further down may lead when none near the best states the fact asked for and it does, on a word
 * of the question's own that few passages use and that names what the number counts ("and how many times
 * have they met since?": the first meeting retrieves best, "nearly 30 official meetings" states the count).
 * The word keeps a follow-up's earlier topic, a name used everywhere ("Japan"), or a count of something
 * else ("four rounds of sanctions" for "how many citizens were abducted?") from leading.
 *
 * @param passagesUsing - in how many passages the sheets use a word stem.
 * @param reach - the lowest share of the best score a passage may lead from. @default 0.7
 */
export function reachForAskedFact(
  reading: Reading,
  passages: readonly RetrievedPassage[],
  passagesUsing: (stem: string) => number,
  reach = REACH_SHARE,
): RetrievedPassage[] {
  const kind = reading.asks;
  const best = passages[0];
  if (kind === undefined || best === undefined) return [...passages];
  const question = reading.typed ?? reading.question;
  const states = (item: RetrievedPassage) =>
    splitSentences(item.passage.text).some((sentence) => answersAskedFact(kind, sentence, question));
  if (passages.some((item) => item.score >= best.score * LEAD_SHARE && states(item))) return [...passages];
  const own = new Set(
    contentTokens(reading.question)
      .flatMap((token) => [...wordForms(token)])
      .filter((form) => {
        const used = passagesUsing(form);
        return used > 0 && used <= DISTINCTIVE_PASSAGES;
      }),
  );
  if (own.size === 0) return [...passages];
  const reached = passages.find(
    (item) =>
      item.score >= best.score * reach &&
      states(item) &&
      countedWords(item.passage.text).some((token) => [...wordForms(token)].some((form) => own.has(form))),
  );
  return reached === undefined ? [...passages] : [reached, ...passages.filter((item) => item !== reached)];
}

/**
 * The words right after each number of a text, what it counts ("nearly 30 official meetings and phone
 * conversations" → official, meetings, and; "four rounds of sanctions" → rounds, of, sanctions), lower case.
 */
function countedWords(text: string): string[] {
  return [...text.matchAll(COUNTED)].flatMap((match) => (match[1] ?? '').toLowerCase().split(/\s+/));
}

const COUNTED =
  /(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen))\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;

/** Words that scale a number rather than say what it counts ("1 million americans" counts Americans). */
const SCALE_WORDS: ReadonlySet<string> = new Set([
  'thousand',
  'million',
  'billion',
  'trillion',
  'k',
  'm',
  'bn',
]);

/** See {@link reachForAskedFact}. */
const REACH_SHARE = 0.7;
/** A word used in at most this many passages tells one topic from another ("meet": 3; "Japan": 40). */
const DISTINCTIVE_PASSAGES = 3;

/** True when a sentence that holds the asked fact gives it in figures ("$1.6 billion", "850,000"). */
function statesFigure(reading: Reading, item: RetrievedPassage): boolean {
  const kind = reading.asks;
  return (
    kind !== undefined &&
    splitSentences(item.passage.text).some(
      (sentence) =>
        statesAskedFact(kind, sentence) && /\d/.test(sentence.replace(/\b(?:1[89]|20)\d\d\b/g, '')),
    )
  );
}

/**
 * True when a passage holds a fact of the asked kind (an amount for "how many…") and every number the
 * question states ("in September 2017" needs 2017).
 */
export function statesWhatWasAsked(reading: Reading, item: RetrievedPassage): boolean {
  const kind = reading.asks;
  const factOk =
    kind === undefined ||
    splitSentences(item.passage.text).some((sentence) =>
      answersAskedFact(kind, sentence, reading.typed ?? reading.question),
    );
  if (!factOk || reading.statedNumbers.length === 0) return factOk;
  const tokens = new Set(contentTokens(item.passage.text));
  return reading.statedNumbers.every((number) => tokens.has(number));
}

/** The sentence of a passage that shares most content terms with the question (the first on a tie). */
export function closestSentence(passage: Passage, question: string): string {
  if (/["“]/.test(passage.text)) return passage.text;
  const wanted = new Set(contentTerms(question));
  let best = passage.text;
  let bestOverlap = -1;
  for (const sentence of splitSentences(passage.text)) {
    const overlap = contentTerms(sentence).filter((term) => wanted.has(term)).length;
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = sentence;
    }
  }
  return best;
}

/** One line of an overview: a passage and the sentence of it to show. */
export interface OverviewLine {
  readonly passage: Passage;
  readonly sentence: string;
}

/** Most lines in an overview: one per section fits Discord's limits with room for the sources. */
const MAX_OVERVIEW_LINES = 8;

/**
 * A topic overview's lines from one section at most: a topic is often told in several lines of one section
 * ("everything about North Korea": maximum pressure, four rounds of sanctions, missile defense), which one
 * line per section would cut to one.
 */
const TOPIC_LINES_PER_SECTION = 3;

/** How a topic overview picks its lines (see {@link overviewLines}). */
export interface OverviewOptions {
  /** A passage joins a topic overview when it scores at least this share of its list's best. @default 0.8 */
  readonly topicShare?: number;
  /** Most lines from one section in a topic overview. @default 3 */
  readonly linesPerSection?: number;
  /**
   * A second retrieval that fills a topic overview up to MIN_TOPIC_LINES when the first finds fewer: a
   * topic's own word may be used in only a line or two ("economy"), while the sheets tell it in others.
   */
  readonly fillFrom?: readonly RetrievedPassage[];
}

/** Fewest lines a topic overview is filled up to from `fillFrom`. */
const MIN_TOPIC_LINES = 3;

/**
 * An overview, in each sheet's order, oldest sheet first. Without a topic, each section's own summary line;
 * with one ("what do the sheets say about security?"), the passages retrieval found close to the topic
 * (up to `linesPerSection` from a section), among those close to the best.
 *
 * @param retrieved - for a topic overview, best first: the topic's own search (see {@link topicOnly}).
 */
export function overviewLines(
  knowledge: KnowledgeBase,
  reading: Reading,
  retrieved: readonly RetrievedPassage[],
  options: OverviewOptions = {},
): OverviewLine[] {
  const { topicShare = 0.8, linesPerSection = TOPIC_LINES_PER_SECTION, fillFrom = [] } = options;
  const documents = [...knowledge.documents]
    // "Compare the 2018 and 2019 sheets" names one sheet beside its noun, but asks for both.
    .filter(
      (document) =>
        reading.crossSheet || reading.documentIds === undefined || reading.documentIds.includes(document.id),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const order = new Map(documents.map((document, index) => [document.id, index]));
  const { hasTopic } = reading;

  let chosen: Passage[];
  if (!hasTopic) {
    const summaries = knowledge.passages.filter(
      (passage) => order.has(passage.documentId) && passage.kind === 'section-summary',
    );
    chosen = [...summaries, ...telling(knowledge, summaries, MAX_OVERVIEW_LINES - summaries.length)];
  } else if (namesSection(reading.question) && sectionsOf(retrieved, order).length > 0) {
    // "tl;dr of the 2018 sheet's economy section": the section the topic leads to in each sheet asked
    // about, told in full, or as much of each as the overview's lines allow: its opening line, then the
    // lines closest to the topic.
    const sections = sectionsOf(retrieved, order);
    const quota = Math.max(1, Math.floor(MAX_OVERVIEW_LINES / sections.length));
    const scoreOf = new Map(retrieved.map((item) => [item.passage.id, item.score]));
    const rank = (passage: Passage) =>
      passage.kind === 'section-summary' ? Number.POSITIVE_INFINITY : (scoreOf.get(passage.id) ?? -1);
    chosen = sections.flatMap(({ documentId, section }) =>
      knowledge.passages
        .filter((passage) => passage.documentId === documentId && passage.section === section)
        .sort((a, b) => rank(b) - rank(a))
        .slice(0, quota),
    );
  } else {
    const perSection = new Map<string, Passage[]>();
    const taken = new Set<string>();
    const take = (list: readonly RetrievedPassage[], enough: number) => {
      const best = list[0]?.score ?? 0;
      for (const item of list) {
        if (taken.size >= enough) return;
        if (!order.has(item.passage.documentId) || item.score < best * topicShare) continue;
        if (taken.has(item.passage.id)) continue;
        const key = `${item.passage.documentId}\u0000${item.passage.section}`;
        const lines = perSection.get(key) ?? [];
        if (lines.length >= linesPerSection) continue;
        perSection.set(key, [...lines, item.passage]);
        taken.add(item.passage.id);
      }
    };
    take(retrieved, Number.POSITIVE_INFINITY);
    take(fillFrom, MIN_TOPIC_LINES);
    chosen = [...perSection.values()].flat();
  }
  chosen.sort(
    (a, b) => (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || a.position - b.position,
  );
  return chosen.slice(0, MAX_OVERVIEW_LINES).map((passage) => ({
    passage,
    sentence: hasTopic ? closestSentence(passage, reading.standalone) : passage.text,
  }));
}

/**
 * A whole-sheet overview with room to spare (one sheet of three sections: three lines of eight) tells, after
 * each section's opening line, the line of that section that states the most facts: amounts ("nearly 30",
 * "$1.6 billion", "four rounds"; not a year, not a model's number as in "B-1"), then names the sheet uses in
 * at most two passages ("Reiwa", "Toyota"), not those it uses throughout ("Trump", "Japan").
 * Section openings say what a section is about; the facts are further down ("nearly 30 official meetings",
 * "four rounds of sanctions"). At most `room` lines, as many from each section.
 */
function telling(knowledge: KnowledgeBase, summaries: readonly Passage[], room: number): Passage[] {
  if (summaries.length === 0 || room < summaries.length) return [];
  const documents = new Set(summaries.map((passage) => passage.documentId));
  const pool = knowledge.passages.filter(
    (passage) => documents.has(passage.documentId) && passage.kind !== 'section-summary',
  );
  const usedIn = new Map<string, number>();
  for (const passage of pool)
    for (const name of new Set(passage.text.match(NAME) ?? [])) usedIn.set(name, (usedIn.get(name) ?? 0) + 1);
  // Amounts first; names only between lines stating as many.
  const facts = (passage: Passage) =>
    (passage.text.match(AMOUNT) ?? []).length * 10 +
    Math.min(
      3,
      new Set((passage.text.match(NAME) ?? []).filter((name) => (usedIn.get(name) ?? 0) <= 2)).size,
    );
  const perSection = Math.floor(room / summaries.length);
  return summaries.flatMap((summary) =>
    pool
      .filter((passage) => passage.documentId === summary.documentId && passage.section === summary.section)
      .map((passage) => ({ passage, facts: facts(passage) }))
      .filter(({ facts }) => facts > 0)
      .sort((a, b) => b.facts - a.facts || a.passage.position - b.passage.position)
      .slice(0, perSection)
      .map(({ passage }) => passage),
  );
}

/**
 * An amount: digits ("850,000", "$1.6", "30") that are not a year (2017) nor part of a name ("B-1", "F-35"),
 * or a number word ("four rounds", "billion"; not "two", as in "our two nations").
 */
const AMOUNT =
  /(?<![\p{L}\d.,-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\p{L}-])|\b(?:three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b/giu;
/** A capitalised word not opening a sentence. */
const NAME = /(?<=[\p{L},;]\s)\p{Lu}[\p{L}-]+/gu;

/**
 * Whether an overview asks about a topic the sheets never use ("summarize what the sheets say about
 * tariffs"): a word they don't use right after "about", "on", "regarding" or "re". Such a request is
 * refused like any question on that subject, not met with an overview of everything.
 */
export function asksOverviewOfMissingTopic(reading: Reading): boolean {
  if (reading.intent !== 'overview' || reading.hasTopic) return false;
  return reading.coverage.some(
    (item) =>
      item.kind === 'missing' &&
      !item.term.numeric &&
      new RegExp(
        String.raw`\b(?:about|on|regarding|concerning|re)\s+(?:the\s+|any\s+|all\s+the\s+)?(?:[\p{L}-]+\s+)?${escapeRegExp(item.term.word)}\b`,
        'iu',
      ).test(reading.question),
  );
}

/** "the economy section", "the part about north korea", "the defense bit": one section asked for whole. */
const NAMES_SECTION = /\b(?:section|chapter|segment|portion|side)s?\b|\b(?:part|bit)\s+(?:about|on)\b/i;

function namesSection(question: string): boolean {
  return NAMES_SECTION.test(question);
}

/** Passages of a topic search that vote for the section it leads to. */
const SECTION_VOTERS = 6;

/** The section a topic search leads to in each of the asked sheets (see {@link sectionOf}), oldest first. */
function sectionsOf(
  retrieved: readonly RetrievedPassage[],
  documents: ReadonlyMap<string, number>,
): { documentId: string; section: string }[] {
  return [...documents.keys()].flatMap((documentId) => {
    const found = sectionOf(retrieved, new Map([[documentId, 0]]));
    return found === undefined ? [] : [found];
  });
}

/**
 * The section a topic search leads to: the one whose passages among its best {@link SECTION_VOTERS} (in the
 * given sheets) score most in sum, so that one stray line of another section cannot carry it.
 */
function sectionOf(
  retrieved: readonly RetrievedPassage[],
  documents: ReadonlyMap<string, number>,
): { documentId: string; section: string } | undefined {
  const votes = new Map<string, { documentId: string; section: string; score: number }>();
  const voters = retrieved.filter((item) => documents.has(item.passage.documentId)).slice(0, SECTION_VOTERS);
  for (const { passage, score } of voters) {
    const key = `${passage.documentId}\u0000${passage.section}`;
    const vote = votes.get(key) ?? { documentId: passage.documentId, section: passage.section, score: 0 };
    votes.set(key, { ...vote, score: vote.score + score });
  }
  return [...votes.values()].sort((a, b) => b.score - a.score)[0];
}

/**
 * A topic overview's search: the topic's words alone ("tl;dr of everything the fact sheets say about north
 * korea pls" → "north korea"), since the request's own words ("everything", "say", "sheets") flatten the
 * similarity of every passage to it. The reading as it was when nothing in it names a topic the sheets use.
 */
export function topicOnly(reading: Reading): Reading {
  const words = reading.coverage
    .filter((item) => item.kind === 'exact' || item.kind === 'typo' || item.kind === 'paraphrase')
    // A misspelling or a word of the sheets' own near it ("econ" → "economic") searched as the sheets say it.
    .map((item) => (item.kind === 'exact' ? item.term.word : (item.via ?? item.term.word)));
  return words.length === 0 ? reading : { ...reading, standalone: words.join(' ') };
}

/** "What is Reiwa?", "what's OPIC", "reiwa?", "meaning of JUSEP": asks what a name means or stands for. */
const ASKS_FOR_DEFINITION =
  /^\W*(?:(?:so\s+|and\s+|wait\s+)?(?:what|wat|wut)(?:['’]?s|\s+is|\s+are|\s+does|\s+do)\b|define\b|meaning\s+of\b|\S+\W*$)/iu;
/** A sentence that says what a name means or stands for: "Reiwa," which means…; "… Corporation (OPIC)". */
const DEFINES = /\bwhich\s+means\b|\bmeaning\b|\bstands\s+for\b|\(\p{Lu}{2,}\)/u;

/**
 * A question asking what a name is leads with the passage that says what it means, when one retrieved
 * nearly as well as the best: "what is Reiwa?" leads with "…"Reiwa," which means "beautiful harmony"",
 * not with "congratulate Japan on their new era of Reiwa".
 */
export function leadWithDefinition(
  reading: Reading,
  passages: readonly RetrievedPassage[],
  share = LEAD_SHARE,
): RetrievedPassage[] {
  const best = passages[0];
  if (
    best === undefined ||
    reading.asks !== undefined ||
    !ASKS_FOR_DEFINITION.test(withoutChatWords(reading.question))
  )
    return [...passages];
  const asked = new Set(contentTerms(reading.question));
  const defines = (item: RetrievedPassage) =>
    splitSentences(item.passage.text).some(
      (sentence) => DEFINES.test(sentence) && contentTerms(sentence).some((term) => asked.has(term)),
    );
  if (defines(best)) return [...passages];
  const leader = passages.find((item) => item.score >= best.score * share && defines(item));
  return leader === undefined ? [...passages] : [leader, ...passages.filter((item) => item !== leader)];
}
