import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { isDecisive, judgeCoverage, rarityWeight } from '../retrieval/coverage-verdict.js';
import { unit } from '../retrieval/corpus-vocabulary.js';
import {
  recheckAgainstContext,
  type ContextWords,
  type CoverageOptions,
  type CoverageWordTable,
  type TermCoverage,
} from '../retrieval/term-coverage.js';
import { contentTerms, contentTokens } from '../text/content-terms.js';
import type { Reading } from './interpret.js';
import { LEAD_SHARE } from './compose.js';
import {
  askedAttribute,
  askedOffice,
  askedRole,
  namesOfficeHolder,
  asksForOutcome,
  changeOfOffice,
  givesEstimate,
  completion,
  lightVerbObject,
  countsNamedThings,
  enumeratesNames,
  asksForTranslation,
  asksWhichNamedThings,
  namesDaysAround,
} from './question-shape.js';
import { splitSentences } from '../answer/split-sentences.js';
import { answersAskedFact, asksForPart, namesAmount, statesPart } from '../answer/asked-fact.js';
import { asksForOpeningQuotation } from '../service/quotation-intent.js';
import { isVerb, isVerbInflection } from '../text/word-senses.js';
import { multiWordPlaceNames } from '../retrieval/place-names.js';
import { MONTH_NAMES, MONTHS_IN_FULL, monthNumber } from '../text/month-names.js';

/**
 * Whether the retrieved passages answer the question:
 * - `answer`: they do;
 * - `related`: the sheets cover the subject but not exactly what was asked (or Kizuna is unsure): say
 *   so and show the closest passage;
 * - `not-covered`: the sheets never mention the subject; `missing` names it;
 * - `no-topic`: nothing in the question names a topic ("what?"), and there is no conversation to lean on.
 */
export type Judgement =
  | {
      readonly kind: 'answer';
      /** The passage to lead with, when not the best retrieved (the one dating the time asked about). */
      readonly lead?: RetrievedPassage;
    }
  | {
      readonly kind: 'related';
      readonly missing: readonly string[];
      /** The missing words one by one, as typed (`missing` joins names into phrases). */
      readonly missingWords?: readonly string[];
      readonly unstated?: Reading['asks'];
      /** The passage to show as the closest, when not the best retrieved. */
      readonly closest?: RetrievedPassage;
    }
  | {
      readonly kind: 'not-covered';
      readonly missing: readonly string[];
      readonly missingWords?: readonly string[];
    }
  | { readonly kind: 'no-topic' };

export interface JudgeOptions {
  readonly wordVectors?: CoverageWordTable;
  readonly coverage?: Partial<CoverageOptions> & { readonly maxMissingShare?: number };
  /** Below this retrieval score nothing is close enough to answer from. @default 0.2 */
  readonly minimumScore?: number;
  /**
   * A covered word weighing at least this much (rarity in English, 0–1) means the subject is in the
   * sheets, so a question with other unknown words gets the closest passage rather than a bare refusal.
   * @default 0.5
   */
  readonly subjectWeight?: number;
  /** In how many passages the sheets use a word stem: how central a common word is to them. */
  readonly passagesUsing?: (stem: string) => number;
  /**
   * Whether a place (lower case) is one the passages name throughout (Japan, the United States): who acts,
   * never the answer to "where". @default none is
   */
  readonly isParty?: (place: string) => boolean;
  /** Whether some passage of the sheets contains a phrase (lower case, whole words). */
  readonly sheetsMention?: (phrase: string) => boolean;
}

/** A year with the month the question puts before it, as typed ("March 2017"); else the year alone. */
function withItsMonth(question: string, year: string): string {
  return new RegExp(String.raw`\b(?:${MONTH_NAMES})\.?\s+(?:of\s+)?${year}\b`, 'iu').exec(question)?.[0] ?? year;
}

/**
 * A country or region named in two or more words (CLDR, see multiWordPlaceNames) that the question names
 * and no sheet does, as typed; undefined when there is none or no way to look in the sheets.
 */
function absentPlace(question: string, sheetsMention?: (phrase: string) => boolean): string | undefined {
  if (sheetsMention === undefined) return undefined;
  const lower = question.toLowerCase();
  for (const place of multiWordPlaceNames()) {
    const at = lower.indexOf(place);
    if (at < 0 || /[\p{L}]/u.test(lower[at - 1] ?? '') || /[\p{L}]/u.test(lower[at + place.length] ?? ''))
      continue;
    if (!sheetsMention(place)) return question.slice(at, at + place.length);
  }
  return undefined;
}

/**
 * The words of the event a "when/where did the X happen?" question asks about, lower case, its head (the
 * last word, English noun phrases being head-final) last: "when did the trump-abe golf game happen?" →
 * […, "golf", "game"]. Undefined for questions of another shape.
 */
function askedEvent(question: string): string[] | undefined {
  const phrase = ASKS_WHEN_EVENT.exec(question)?.[1];
  if (phrase === undefined) return undefined;
  return phrase.toLowerCase().split(/[\s-]+/u).filter((word) => word.length > 0);
}

const ASKS_WHEN_EVENT =
  /\b(?:when|where)\s+(?:did|was|were|will|does|do)\s+(?:the|that|this|their|his|a|an)\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s+(?:happen|happened|take\s+place|took\s+place|occur|occurred|start|begin|end)\b/iu;

/** "who is japan's PM now?", "who's the current president": who holds an office at the time of asking. */
const ASKS_WHO_HOLDS_IT_NOW =
  /\bwho(?:['’]s|\s+is|\s+are)\s+(?:\S+\s+){0,4}?(?:the\s+)?(current|now|currently|today|nowadays|these\s+days|at\s+the\s+moment)\b/iu;

/** "should I buy toyota stock?", "is it a good time to invest in japan?": a request for advice. */
const ASKS_FOR_ADVICE =
  /\b(?:should|shall)\s+(?:i|we|u|you)\s+(?:buy|sell|short|invest\s+in|hold|dump|get\s+into)\b|\b(?:good|bad)\s+(?:time|idea)\s+to\s+(?:buy|sell|short|invest)\b/iu;

/**
 * A commoner word names a subject when it is at least this rare and the sheets use it in at least this many
 * passages ("security" 0.32 in 5, "trade" 0.44 in 4; not "series" 0.41 in 1): chosen on the seen English
 * sets, 2026-11-30, where it refused every "world series" question and no answerable one.
 */
const CENTRAL_WORD_RARITY = 0.25;
const CENTRAL_WORD_PASSAGES = 3;

/**
 * How much a missing predicate ("snatched", "sat", "pouring") weighs, as a share of its rarity weight:
 * what happened is told in any verb, and the subject decides a refusal. 0.25 and 0.5 measured the same on
 * every seen set (en-a…en-i, questions.json, holdout; 2026-11-30): 7 answerable questions more answered,
 * one near-domain one ("…end up cutting car tariffs?") more let through, which is why it is not 0.
 */
const PREDICATE_WEIGHT = 0.25;

/**
 * Missing words used as verbs, by position among the question's words: inflected verb forms and any verb
 * right after "who", except an
 * "-ing" form after a preposition, article or possessive ("anything on hacking", "the bombing"), which is
 * a noun and may well be the subject.
 */
function predicateWords(words: Reading['words'], coverage: readonly TermCoverage[]): Set<number> {
  const found = new Set<number>();
  for (const item of coverage) {
    const { term } = item;
    if (item.kind !== 'missing' || term.numeric || term.properNoun || item.name === true) continue;
    const before = (words.words[term.wordIndex - 1] ?? '').toLowerCase();
    // "who contacted first", and also "who contact first" as people type it: after "who" comes its verb.
    if (!isVerbInflection(term.token) && !(before === 'who' && isVerb(term.token))) continue;
    if (term.token.endsWith('ing') && NOUN_MARKERS.test(before)) continue;
    found.add(term.wordIndex);
  }
  return found;
}

const NOUN_MARKERS =
  /^(?:on|about|of|in|for|with|from|into|the|a|an|any|some|no|their|its|his|her|our|your|my|this|that|these|those)$/u;

/** "the trade agreement", "the US-Japan trade deal": one agreement, named with the definite article. */
const NAMES_ONE_AGREEMENT = /\bthe\s+(?:[\p{L}.-]+\s+){0,3}(?:agreement|deal|treaty|pact|accord)\b/iu;

/**
 * Whether a passage names the one agreement a question names with the definite article ("the trade
 * agreement"): every word of that name, the noun included. True when the question names none.
 */
function namesAgreementAsked(text: string, question: string): boolean {
  const named = NAMES_ONE_AGREEMENT.exec(question)?.[0];
  if (named === undefined) return true;
  const stems = new Set(contentTerms(text));
  return contentTerms(named).every((stem) => stems.has(stem));
}

/** Rarity (0–1, see rarityWeight) at which a word the sheets use names a subject on its own. */
const SUBJECT_RARITY = 0.5;

/**
 * Stage 4 of answering. What decides a refusal is whether the question's subject is in the sheets: a
 * name or a number they never use is decisive ("Okinawa", "2020"); ordinary words are weighed by rarity,
 * checked corpus-wide and, more loosely, against the passages just retrieved ("stationed" ≈ "troops").
 *
 * @param passages - retrieved with the question's expansions: what would be answered from.
 * @param plainPassages - retrieved for the question as typed: what its words are rechecked against.
 */
export function judge(
  reading: Reading,
  passages: readonly RetrievedPassage[],
  plainPassages: readonly RetrievedPassage[],
  options: JudgeOptions,
): Judgement {
  const table = options.wordVectors;
  // Rechecked against the passages retrieved for the question as typed: passages its expansions
  // brought in would vouch for the very words they were found for ("population" → "estimated").
  // Only when some topic word is the sheets' own: passages found for nothing but unknown words ("what about
  // tariffs?" → the one that says "Export") would vouch for those very words.
  const anchored = reading.coverage.some((item) => item.kind !== 'missing' && item.kind !== 'filler');
  const rechecked = anchored
    ? recheckAgainstContext(
        reading.coverage,
        table,
        contextWords(plainPassages.slice(0, 3), table),
        options.coverage,
      )
    : reading.coverage;
  // A category word the sheets never use is covered when a name it stands near is in the passage found
  // for the question as typed ("carmakers" → "Toyota" in the Alabama passage): the passage came from the
  // question's other words, so it cannot be circular.
  const plainTop = new Set(
    plainPassages[0] === undefined ? [] : contentTokens(plainPassages[0].passage.text),
  );
  const coverage = rechecked.map((item): TermCoverage => {
    if (item.kind !== 'missing' || item.term.numeric || item.term.properNoun || item.name === true)
      return item;
    if (!anchored) return item;
    const via = (reading.namesFor.get(item.term.token) ?? []).find((word) => plainTop.has(word));
    return via === undefined ? item : { term: item.term, kind: 'paraphrase', via };
  });
  const rarity = table === undefined ? () => 1 : rarityWeight((word) => table.rank(word));
  const predicates = predicateWords(reading.words, coverage);
  const weightOf = (term: TermCoverage['term']) =>
    predicates.has(term.wordIndex) ? rarity(term) * PREDICATE_WEIGHT : rarity(term);
  const verdict = judgeCoverage(reading.words, coverage, {
    weightOf,
    ...(options.coverage?.maxMissingShare === undefined
      ? {}
      : { maxMissingShare: options.coverage.maxMissingShare }),
  });
  if (
    verdict.salientCount === 0 &&
    !reading.followUp &&
    reading.intent !== 'overview' &&
    // "the opening quote in the older sheet": the quotation is the subject, though no topic word is asked.
    !asksForOpeningQuotation(reading.question)
  )
    return { kind: 'no-topic' };

  // "How do you say thank you in Japanese?": the sheets are not a phrase book, though they say "Japanese".
  if (asksForTranslation(reading.question)) return { kind: 'not-covered', missing: [], missingWords: [] };
  // "weather in tokyo this weekend?": sheets of 2018 and 2019 tell nothing of the days around the asking.
  const daysAround = namesDaysAround(reading.question);
  if (daysAround !== undefined)
    return { kind: 'not-covered', missing: [daysAround], missingWords: [daysAround] };
  // "does the energy partnership cover latin america?": a place named in more than one word ("south" and
  // "america" are each ordinary words) that no sheet names.
  const place = absentPlace(reading.question, options.sheetsMention);
  if (place !== undefined) return { kind: 'not-covered', missing: [place], missingWords: [place] };
  // "should I buy toyota stock?": the sheets inform, they do not advise anyone what to buy or sell.
  if (ASKS_FOR_ADVICE.test(reading.question))
    return { kind: 'not-covered', missing: ['investment advice'], missingWords: ['advice'] };
  const decisive = coverage.some(isDecisive);
  const best = passages[0];
  if (
    decisive ||
    best === undefined ||
    // The highest score, not the first passage's: "tell me more" puts what was not said yet first.
    (Math.max(...passages.map((item) => item.score)) < (options.minimumScore ?? 0.2) &&
      !usesEveryTerm(coverage, best))
  ) {
    return { kind: 'not-covered', missing: verdict.missing, missingWords: wordsMissing(coverage) };
  }
  if (
    verdict.covered &&
    !reading.followUp &&
    !asksForOpeningQuotation(reading.question) &&
    !namesSubject(coverage, weightOf, options.passagesUsing, reading.statedNumbers, best) &&
    !asksForHolderOfRole(reading, coverage) &&
    !(asksWhichNamedThings(reading.question) && enumerationNear(passages))
  )
    return { kind: 'not-covered', missing: wordsMissing(coverage), missingWords: wordsMissing(coverage) };
  if (verdict.covered) {
    // "Who's the emperor that…?": everything else is covered, but the sheets never name an emperor.
    const asked = askedRole(reading.question);
    // Judged on the sheets' own words: a near word in the passage ("imperial" for "emperor") does not name it.
    const unnamed = reading.coverage.find((item) => item.kind === 'missing' && item.term.token === asked);
    if (unnamed !== undefined) return { kind: 'related', missing: [unnamed.term.word] };
    // "who is japan's PM now?": sheets dated 2018 and 2019 name who held an office then, not now.
    const now = ASKS_WHO_HOLDS_IT_NOW.exec(reading.question)?.[1];
    if (now !== undefined) return { kind: 'related', missing: [now] };
    // "Who is the leader of North Korea?", "who's the foreign minister of Japan?": the sheets use the
    // words, but name nobody by that office.
    const office = askedOffice(reading.question);
    if (
      office !== undefined &&
      ![...passages, ...plainPassages].some((item) => namesOfficeHolder(item.passage.text, office))
    )
      return { kind: 'related', missing: [], unstated: 'who' };
    // "Did Trump play golf with Abe?": what was done is named by the object of a light verb, and the
    // sheets never mention golf, however well they cover Trump and Abe.
    const objectWords = lightVerbObject(reading.question);
    const absentObject = reading.coverage.find(
      (item) =>
        item.kind === 'missing' &&
        objectWords.includes(item.term.token) &&
        !isVerbInflection(item.term.token),
    );
    if (absentObject !== undefined) return { kind: 'related', missing: [absentObject.term.word] };
    // "Who took over from Abe?": the sheets cover Abe, never a change of office.
    const change = changeOfOffice(reading.question);
    if (change !== undefined && !passages.some((item) => changeOfOffice(item.passage.text) !== undefined))
      return { kind: 'related', missing: [change] };
    // "When was the trade agreement signed?": a time of the talks does not date a signing; nor does it
    // say "the trade deal got signed right?". Not "have they signed any deals?": deals were negotiated.
    const completed =
      reading.asks === 'when' || NAMES_ONE_AGREEMENT.test(reading.question)
        ? completion(reading.question)
        : undefined;
    // Nor does the signing of another paper: "the USTDA and METI signed a Memorandum of Cooperation" is not
    // the trade agreement signed.
    if (
      completed !== undefined &&
      (completion(best.passage.text) === undefined ||
        !namesAgreementAsked(best.passage.text, reading.question))
    ) {
      // The closest is the one naming the agreement, if any does: not another paper's signing.
      const naming = passages.find((item) => namesAgreementAsked(item.passage.text, reading.question));
      return { kind: 'related', missing: [completed], ...(naming === undefined ? {} : { closest: naming }) };
    }
    // "Did the plant actually end up hiring 4k?": an estimate is not what came of it.
    const outcome = asksForOutcome(reading.question);
    if (outcome !== undefined && givesEstimate(best.passage.text))
      return { kind: 'related', missing: [outcome] };
    // "What is the population of Tokyo?": the sheets name Tokyo but never give a population.
    const attribute = askedAttribute(reading.question);
    const absent = reading.coverage.find((item) => item.kind === 'missing' && item.term.token === attribute);
    if (absent !== undefined) return { kind: 'related', missing: [absent.term.word] };
    // "When did the trump-abe golf game happen?": the sheets cover Trump and Abe, never a golf game.
    const event = askedEvent(reading.question);
    const unmentioned = reading.coverage.filter(
      (item) => item.kind === 'missing' && event?.includes(item.term.token) === true,
    );
    if (event !== undefined && unmentioned.some((item) => item.term.token === event.at(-1)))
      return { kind: 'related', missing: unmentioned.map((item) => item.term.word) };
    // "Japan's FDI in 2017?" when the passage gives 2016: the number asked about must be in the answer.
    const leading = passages.filter((item) => item.score >= best.score * LEAD_SHARE);
    const lead = new Set(leading.flatMap((item) => contentTokens(item.passage.text)));
    // A time told as "last fall" dates only its own passage: "what did the US and Japan do in October 2018?"
    // is answered by the trade talks begun "last fall" (in a May 2019 sheet), which then lead, not by
    // November 2017's memorandums retrieved beside them.
    const dating = (number: string) =>
      leading.find((item) => datesMonthOfYear(reading.question, number, [item]));
    const undated = reading.statedNumbers.filter((number) => !lead.has(number));
    const unmatched = undated.filter((number) => dating(number) === undefined);
    // "in march 2017": the sheets do speak of 2017, so what they lack is March of it.
    if (unmatched.length > 0)
      return { kind: 'related', missing: unmatched.map((number) => withItsMonth(reading.question, number)) };
    // Leading passages are best first, so a time's first dating passage is the best one when it dates it.
    const dated = undated.map(dating).find((item) => item !== undefined && item !== best);
    return (
      askedFactCheck(reading, passages, options.isParty) ?? {
        kind: 'answer',
        ...(dated === undefined ? {} : { lead: dated }),
      }
    );
  }
  // Some of what was asked is not in the sheets. When the subject is, the closest passage is shown with
  // what the sheets don't say; when it is not, a bare refusal names it.
  if (verdict.salientCount === 0) return { kind: 'answer' };
  return subjectInSheets(coverage, weightOf, options.subjectWeight ?? 0.5)
    ? { kind: 'related', missing: verdict.missing, missingWords: wordsMissing(coverage) }
    : { kind: 'not-covered', missing: verdict.missing, missingWords: wordsMissing(coverage) };
}

/**
 * "trump was in japan in nov '17, what'd he promise the troops": a passage that tells of "his November
 * visit" in a sheet dated April 2018 dates it November 2017, the last November before the sheet. True when
 * a leading passage names a month (or "last fall") in a sheet dated after it and within the twelve months
 * that make it the question's year, of the part of the year the question names with it (a month, a season,
 * "late"), if any: "who got the first daughter over to japan back in 2017?" is met by "last fall".
 */
function datesMonthOfYear(question: string, year: string, passages: readonly RetrievedPassage[]): boolean {
  // "back in 2017" names no part of the year: any month the passage tells of will do.
  const named = monthsBefore(question, year);
  const months = named.length === 0 ? ALL_MONTHS : named;
  return passages.some(({ passage, document }) => {
    const dated = /^(\d{4})-(\d{2})/.exec(document.date);
    if (dated === null) return false;
    const [sheetYear, sheetMonth] = [Number(dated[1]), Number(dated[2])];
    // The last such month before the sheet's date.
    const yearOf = (month: number) => (month < sheetMonth ? sheetYear : sheetYear - 1);
    return TOLD_TIMES.some(
      ([pattern, toldMonths]) =>
        pattern.test(passage.text) &&
        toldMonths.some((month) => months.includes(month) && yearOf(month) === Number(year)),
    );
  });
}

const ALL_MONTHS: readonly number[] = MONTHS_IN_FULL.map((_, index) => index + 1);

/** The months of a part of a year as people name it (northern seasons; "late" as the last third). */
const PARTS_OF_A_YEAR: ReadonlyArray<readonly [RegExp, readonly number[], boolean]> = [
  [/^(?:early|start\s+of)$/u, [1, 2, 3, 4], false],
  [/^(?:mid|middle\s+of)$/u, [5, 6, 7, 8], false],
  [/^(?:late|end\s+of)$/u, [9, 10, 11, 12], false],
  [/^spring$/u, [3, 4, 5], true],
  [/^summer$/u, [6, 7, 8], true],
  [/^(?:fall|autumn)$/u, [9, 10, 11], true],
  [/^winter$/u, [12, 1, 2], true],
];

/** How a passage tells a time of the year: a month by name, or "last fall" (the fall before the sheet). */
const TOLD_TIMES: ReadonlyArray<readonly [RegExp, readonly number[]]> = [
  ...MONTHS_IN_FULL.map((name, index) => [new RegExp(`\\b${name}\\b`, 'u'), [index + 1]] as const),
  ...PARTS_OF_A_YEAR.filter(([, , season]) => season).map(
    ([pattern, months]) =>
      [new RegExp(`\\blast\\s+(?:${pattern.source.replace(/^\^|\$$/gu, '')})\\b`, 'iu'), months] as const,
  ),
];

/**
 * The months (1–12) a question names right before a year: "November 2017", "nov. 2017" → [11]; "late
 * 2017", "fall 2017" → the months of that part. Empty when it names none.
 */
function monthsBefore(question: string, year: string): number[] {
  const match = new RegExp(
    `\\b(${MONTH_NAMES}|early|mid|late|spring|summer|fall|autumn|winter|(?:start|middle|end)\\s+of)[.-]?\\s*${year}\\b`,
    'iu',
  ).exec(question);
  const named = (match?.[1] ?? '').toLowerCase().replace(/\s+/gu, ' ');
  if (named === '') return [];
  const part = PARTS_OF_A_YEAR.find(([pattern]) => pattern.test(named));
  if (part !== undefined) return [...part[1]];
  const month = monthNumber(named);
  return month === undefined ? [] : [month];
}

/**
 * "who's the president?": a role the sheets use, asked who holds it. Common as the word is, it is the
 * subject, and the sheets name whoever holds it.
 */
function asksForHolderOfRole(reading: Reading, coverage: readonly TermCoverage[]): boolean {
  if (reading.asks !== 'who') return false;
  const role = askedRole(reading.question);
  return role !== undefined && coverage.some((item) => item.kind === 'exact' && item.term.token === role);
}

/**
 * "which companies does the 2018 sheet actually name?": common as the word is, things with names are the
 * subject when a passage close to the best lists them by name.
 */
function enumerationNear(passages: readonly RetrievedPassage[]): boolean {
  const best = passages[0];
  if (best === undefined) return false;
  return passages.some(
    (item) =>
      item.score >= best.score * LEAD_SHARE &&
      splitSentences(item.passage.text).some((sentence) => enumeratesNames(sentence)),
  );
}

/**
 * Whether the passage uses, word for word, every topic word of a question that names nothing else ("tell
 * me about ivanka", "what about 2017"): a short question scores low on similarity, yet its subject is
 * plainly there.
 */
function usesEveryTerm(coverage: readonly TermCoverage[], passage: RetrievedPassage): boolean {
  const salient = coverage.filter((item) => item.kind !== 'filler');
  if (salient.length === 0 || salient.some((item) => item.kind !== 'exact')) return false;
  const stems = new Set(contentTerms(passage.passage.text));
  return salient.every((item) => stems.has(item.term.stem));
}

/**
 * "How many…" is answered only by a passage that states an amount, "when…" by one that states a time;
 * otherwise the nearest passage about the subject would be offered as if it gave one.
 */
function askedFactCheck(
  reading: Reading,
  passages: readonly RetrievedPassage[],
  isParty?: (place: string) => boolean,
): Judgement | undefined {
  const kind = reading.asks;
  const best = passages[0];
  if (best === undefined) return undefined;
  // The passages that could lead the answer (see leadWithAskedFact): close to the best one.
  const candidates = passages.filter((item) => item.score >= best.score * LEAD_SHARE);
  const question = reading.typed ?? reading.question;
  if (kind !== undefined) {
    const listed = kind === 'count' && countsNamedThings(reading.question);
    const states = candidates.some((item) =>
      splitSentences(item.passage.text).some(
        (sentence) =>
          answersAskedFact(kind, sentence, question, isParty) || (listed && enumeratesNames(sentence)),
      ),
    );
    if (!states) return { kind: 'related', missing: [], unstated: kind };
  }
  // "How much of the $1.6 billion is Mazda's share?", "the breakdown of the $424B by industry": the total
  // is not the part.
  const amountAsked =
    kind === 'quantity' ||
    kind === 'count' ||
    kind === 'money' ||
    (kind === undefined && namesAmount(question));
  if (
    amountAsked &&
    asksForPart(question) &&
    !candidates.some((item) => splitSentences(item.passage.text).some(statesPart))
  )
    return { kind: 'related', missing: [], unstated: kind ?? 'quantity' };
  return undefined;
}

/**
 * Whether the question names something the sheets are about: a word they use that is rare in English
 * ("tariffs", "abducted"), or a commoner one they use in several passages ("security", "trade") or twice
 * in the passage found ("women"). Words the
 * sheets use once in passing ("series", "center") are not a subject: "who won the world series?" is not
 * about them. Without passage counts, every used word with the rarity alone.
 */
function namesSubject(
  coverage: readonly TermCoverage[],
  weightOf: (term: TermCoverage['term']) => number,
  passagesUsing: ((stem: string) => number) | undefined,
  statedNumbers: readonly string[],
  best?: RetrievedPassage,
): boolean {
  const bestStems = best === undefined ? [] : contentTerms(best.passage.text);
  return coverage.some((item) => {
    if (item.kind === 'missing' || item.kind === 'filler') return false;
    // "850,000" alone asks about a number the sheets give; a sheet's year only points at the sheet.
    if (item.term.numeric) return item.kind === 'exact' && statedNumbers.includes(item.term.token);
    const weight = weightOf(item.term);
    if (weight >= SUBJECT_RARITY) return true;
    // Used twice in the passage found ("the World Assembly for Women… empowering women"): it is what that
    // passage is about, though no other passage uses it.
    if (weight >= CENTRAL_WORD_RARITY && bestStems.filter((stem) => stem === item.term.stem).length >= 2)
      return true;
    return (
      passagesUsing === undefined ||
      (weight >= CENTRAL_WORD_RARITY && passagesUsing(item.term.stem) >= CENTRAL_WORD_PASSAGES)
    );
  });
}

function wordsMissing(coverage: readonly TermCoverage[]): string[] {
  return [...new Set(coverage.filter((item) => item.kind === 'missing').map((item) => item.term.word))];
}

function subjectInSheets(
  coverage: readonly TermCoverage[],
  weightOf: (term: TermCoverage['term']) => number,
  threshold: number,
): boolean {
  return coverage.some(
    (item) =>
      (item.kind === 'exact' || item.kind === 'typo') &&
      !item.term.numeric &&
      weightOf(item.term) >= threshold,
  );
}

/** Surface words of the passages retrieved for this very question, with their unit vectors. */
function contextWords(
  passages: readonly RetrievedPassage[],
  table: CoverageWordTable | undefined,
): ContextWords {
  if (table === undefined) return [];
  const words = new Map<string, Float32Array>();
  for (const { passage } of passages) {
    for (const { word, vector } of passageWords(passage.text, table)) {
      if (!words.has(word)) words.set(word, vector);
    }
  }
  return [...words].map(([word, vector]) => ({ word, vector }));
}

/**
 * A passage's distinct content words that the table knows, in text order, with unit vectors; remembered
 * per table, as the same few passages come back question after question (tokenising them again was a
 * tenth of a question's time).
 */
function passageWords(text: string, table: CoverageWordTable): ContextWords {
  let known = passageWordCaches.get(table);
  if (known === undefined) {
    known = new Map();
    passageWordCaches.set(table, known);
  }
  let words = known.get(text);
  if (words === undefined) {
    const seen = new Map<string, Float32Array>();
    for (const token of contentTokens(text)) {
      if (seen.has(token)) continue;
      const vector = table.vector(token);
      if (vector !== undefined) seen.set(token, unit(vector));
    }
    words = [...seen].map(([word, vector]) => ({ word, vector }));
    if (known.size >= REMEMBERED_PASSAGES) known.delete(known.keys().next().value ?? '');
    known.set(text, words);
  }
  return words;
}

const passageWordCaches = new WeakMap<CoverageWordTable, Map<string, ContextWords>>();

/** Passages whose words are remembered per table: a few MB at most. */
const REMEMBERED_PASSAGES = 2_048;
