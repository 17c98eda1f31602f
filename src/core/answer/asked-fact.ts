import { stem } from '../text/stem.js';
import { isVerb, isVerbInflection } from '../text/word-senses.js';
import { isPlaceName } from '../retrieval/place-names.js';
import { MONTH_NAMES } from '../text/month-names.js';
/**
 * The kind of fact a question asks for, when it asks for one: a person or body (`who`), a time (`when`),
 * an amount (`quantity`: "how much did they put in…"), a number of things (`count`: "how many people…"),
 * a sum of money (`money`: "how much does Japan pay…"), a place (`where`) or a standing among others
 * (`rank`: "where does Japan rank among investors?", answered by "the third largest"). An answer should lead with a
 * sentence that holds one.
 */
export type AskedFor = 'who' | 'when' | 'quantity' | 'count' | 'money' | 'where' | 'rank';

const STATES_QUANTITY =
  /\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|several|numerous|rounds?)\b/i;
const PARTIES_COUNTED =
  /\b(?:(?:our|the|both|these|those)\s+)?two\s+(?:countries|nations|leaders|governments|sides|allies|economies|peoples|militaries)\b/giu;
/** A sum of money: a currency sign or word, or a large round unit ("$1.6 billion", "1.5 trillion yen"). */
const STATES_MONEY = /[$¥€£]|\b(dollars?|yen|euros?|billions?|millions?|trillions?|bn)\b/i;
/** A sum of money as written: "$1.6 billion", "1.5 trillion yen", "billions of dollars". */
const MONEY_AMOUNT =
  /[$¥€£]\s?[\d.,]+(?:\s*(?:billion|million|trillion|bn))?|\b[\d.,]+\s*(?:billion|million|trillion)?\s*(?:dollars|yen|euros)\b|\b(?:billions|millions|trillions|hundreds\s+of\s+millions)\s+of\s+(?:dollars|yen)\b/giu;
const STATES_TIME =
  /\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|fall|autumn|winter|since|days|month|year|decades?|century|earlier|last|following|during)\b/i;
/**
 * A person by title, a body by initials or by kind, a group that acts ("U.S. Joint Strike Fighters",
 * "the Japanese and South Korean air forces"), or two named parties opening the sentence as its subject
 * ("The United States and Japan have launched…"): what answers "who".
 */
const STATES_AGENT =
  /\b(President|Prime Minister|Minister|First Lady|Advisor|Secretary|Ambassador|Emperor|Administration|Ministry|Agency|Bank|Corporation|Nations|militar(y|ies)|companies|leaders?|forces|troops|Fighters|bombers)\b|\b\p{Lu}{2,}\b|\bU\.S\.|^(?:The\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*\s+and\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*\s+(?:have|has|had|are|were)\s+\p{Ll}+(?:ed|en)\b/u;
/** A standing among others: an ordinal or a superlative ("third largest", "one of the largest", "first"). */
const STATES_RANK =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|top|leading|foremost|largest|biggest|greatest|highest|most)\b/iu;
/**
 * A standing in a ranked list: an ordinal before a superlative ("the third largest", "2nd-biggest"), "top
 * five", "#3", "number one"; not "one of the largest", which ranks nothing.
 */
const POSITION =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+(?:largest|biggest|greatest|highest|most|leading|top)\b|\btop\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|#\s?\d+\b|\bnumber\s+(?:one|two|three|\d+)\b/iu;

/** Whether a sentence gives a standing in a ranked list (see POSITION). */
export function statesPosition(sentence: string): boolean {
  return POSITION.test(sentence);
}

const STATES_PLACE =
  /\b(in|to|at|across|into|from)\s+(the\s+)?\p{Lu}\p{L}+|\b(region|regions|city|state|country)\b/u;

/** True when a sentence holds a fact of the asked kind (an amount, a time, a person or body, a place). */
export function statesAskedFact(kind: AskedFor, sentence: string): boolean {
  switch (kind) {
    case 'quantity':
      // Years and model codes ("2017", "F-35", "B-1") are not amounts, nor is "our two countries": the
      // alliance's own parties, counted.
      return STATES_QUANTITY.test(
        sentence.replace(/\b(1[89]|20)\d\d\b|\b\p{L}+-?\d+\b/gu, ' ').replace(PARTIES_COUNTED, ' '),
      );
    case 'count':
      return statesAskedFact('quantity', sentence.replace(MONEY_AMOUNT, ' '));
    case 'money':
      return STATES_MONEY.test(sentence);
    case 'when':
      return STATES_TIME.test(sentence);
    case 'who':
      return STATES_AGENT.test(sentence);
    case 'where':
      return STATES_PLACE.test(sentence);
    case 'rank':
      return STATES_RANK.test(sentence);
  }
}

/**
 * A time, told apart from the words around times ("during", "since", "following"): a year, a month, a
 * season, or a time reckoned from the sheet's date ("earlier this month", "last fall").
 */
const SPECIFIC_TIME =
  /\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|fall|autumn|winter|earlier|last)\b/giu;

/** A question that asks for a day, not a time of any grain: "what date…", "which day…", "the exact date". */
const ASKS_FOR_A_DAY =
  /\b(?:what|which|exact|precise|specific)\s+(?:date|day)\b|\b(?:date|day)\s+exactly\b/iu;
/** A day as the sheets write one: "May 25, 2019", "on 6 November", "11/06/2017". */
const STATES_DAY =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/u;

/**
 * Whether a sentence answers "when" with more than the question already said: "what day exactly was the
 * november trip?" is not answered by "his November visit", which only repeats the month asked about.
 * Times are compared as words, case aside; a question without a time of its own is answered by any.
 */
export function statesTimeBeyond(sentence: string, question: string): boolean {
  // "What date exactly…?" wants a day; "In the days following the 2016 Election" gives only a year.
  if (ASKS_FOR_A_DAY.test(question)) return STATES_DAY.test(sentence);
  if (!statesAskedFact('when', sentence)) return datesTheAskedAct(sentence, question);
  const asked = new Set([...question.matchAll(SPECIFIC_TIME)].map((match) => match[0].toLowerCase()));
  if (asked.size === 0) return true;
  return [...sentence.matchAll(SPECIFIC_TIME)].some((match) => !asked.has(match[0].toLowerCase()));
}

/**
 * Whether a sentence answers a question asking for `kind`: {@link statesAskedFact}, except that "when" must
 * get more than the question already says ({@link statesTimeBeyond}).
 */
export function answersAskedFact(
  kind: AskedFor,
  sentence: string,
  question: string,
  isParty?: (place: string) => boolean,
): boolean {
  if (kind === 'when') return statesTimeBeyond(sentence, question);
  if (kind === 'where') return statesPlaceBeyond(sentence, question, isParty);
  // "Over the half-century history" tells how old something is: it answers "how old…" or "how many
  // decades…", never "how often…" or "how many jobs…".
  if ((kind === 'quantity' || kind === 'count') && !ASKS_FOR_DURATION.test(question))
    return statesAskedFact(kind, sentence.replace(DURATION, ' '));
  return statesAskedFact(kind, sentence);
}

const ASKS_FOR_DURATION =
  /\bhow\s+(?:old|long)\b|\b(?:years?|yrs?|decades?|centur(?:y|ies)|months?)\b|\bsince\s+when\b/iu;
/** A span of time as an attribute: "half-century", "decades-long", "70-year". */
const DURATION = /\b(?:half[\s-]century|(?:decades?|years?|centur(?:y|ies))[\s-]long|\d+[\s-]year)\b/giu;

/**
 * Whether a sentence answers "where" with more than the question already said: "where exactly in Alabama
 * is the plant?" is not answered by "a new Alabama manufacturing plant", which only repeats the state.
 * Places are the capitalised words after a place preposition, compared case aside; `isParty` leaves out
 * those every passage names (see namesPlaceBeyond).
 */
export function statesPlaceBeyond(
  sentence: string,
  question: string,
  isParty: (place: string) => boolean = () => false,
): boolean {
  const named = placesNamed(sentence);
  if (named.length === 0) return statesAskedFact('where', sentence);
  // "What city is Yokota Airbase in?" is not answered by "his visit to Japan": the parties are no answer.
  const places = named.filter((place) => !isParty(place));
  return places.length > 0 && beyondQuestion(places, question);
}

/**
 * Whether a sentence names a place the question did not ("in Southeast Asia, South Asia, and Sub-Saharan
 * Africa"): a better answer to "which parts of the world…?" than "markets across the world". `isParty`
 * leaves out the places every other passage names (Japan, the United States): they are who acts, not
 * where.
 */
export function namesPlaceBeyond(
  sentence: string,
  question: string,
  isParty: (place: string) => boolean = () => false,
): boolean {
  return placesBeyond(sentence, question, isParty).length > 0;
}

/**
 * The places a sentence names that the question did not, parties aside (see namesPlaceBeyond), counted
 * as listed: "in Southeast Asia, South Asia, and Sub-Saharan Africa" is three, "to the Indo-Pacific region"
 * one; "in November" none. Lower case.
 */
export function placesBeyond(
  sentence: string,
  question: string,
  isParty: (place: string) => boolean = () => false,
): string[] {
  const asked = new Set((question.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase()));
  const listed = [...sentence.matchAll(PLACE_LIST)].flatMap((match) =>
    (match[1] ?? '').split(/,\s*(?:and\s+)?|\s+and\s+/u).map((place) => place.toLowerCase()),
  );
  return [
    ...new Set(
      [...placesNamed(sentence), ...listed].filter(
        (place) => !isParty(place) && !asked.has(place) && !MONTH.test(place),
      ),
    ),
  ];
}

/** Capitalised names listed after a place preposition: "in Southeast Asia, South Asia, and Sub-Saharan Africa". */
const PLACE_LIST =
  /\b(?:in|to|at|across|into|from)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*)*)/gu;
const MONTH = new RegExp(`^(?:${MONTH_NAMES})$`, 'u');

function beyondQuestion(places: readonly string[], question: string): boolean {
  const asked = new Set((question.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase()));
  return places.some((place) => !asked.has(place));
}

/** Known places, and names after a place preposition, lower case. */
function placesNamed(sentence: string): string[] {
  // A known place anywhere ("a new Alabama manufacturing plant"), or a name after a place preposition.
  const named = (sentence.match(/\p{Lu}\p{L}+/gu) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => isPlaceName(word));
  return [
    ...named,
    ...[...sentence.matchAll(PLACE_NAMES)]
      // "remarks to American and Japanese troops": a word describing a noun after it is no place,
      // unless it is a known one ("in Japan", "to the Indo-Pacific region").
      .filter((match) => match[2] === undefined || isPlaceName((match[1] ?? '').toLowerCase()))
      .map((match) => (match[1] ?? '').toLowerCase()),
  ];
}

/**
 * A capitalised word after a place preposition, with what follows it when that is a common noun (or "and"
 * another capitalised word and a common noun): "to American and Japanese troops".
 */
const PLACE_NAMES =
  /\b(?:in|to|at|across|into|from)\s+(?:the\s+)?(\p{Lu}\p{L}+)(\s+(?:and\s+\p{Lu}\p{L}+\s+)?(?!region|regions|area|state|states|city|country|island|islands|peninsula|sea|ocean)\p{Ll}+)?/gu;

/**
 * An occasion that dates an act ("In his State of the Union address, President Trump praised…"): it
 * answers "when did Trump praise Toyota?", because the sentence tells of the very act asked about (a word
 * of the question, other than a name, that the sentence uses in another form: "praise", "praised"). It
 * does not answer "when does the plant open?": the occasion dates the praise, not the opening.
 */
function datesTheAskedAct(sentence: string, question: string): boolean {
  const occasion = OCCASION.exec(sentence);
  if (occasion === null) return false;
  // The act as the sentence tells it: a verb in the past or an "-ing" form ("praised"), not a noun that is
  // also a verb ("plant").
  const told = new Set(
    words(sentence)
      .filter((word) => isVerbInflection(word.toLowerCase()))
      .map(stemOf),
  );
  // The act as the question asks it: a verb's plain form ("when did Trump praise…"); an "-ing" or "-ed"
  // word in a question names a thing ("the manufacturing plant").
  return words(question).some(
    (word) =>
      word.length > 3 &&
      !/^\p{Lu}/u.test(word) &&
      !isVerbInflection(word.toLowerCase()) &&
      !QUESTION_FRAME.has(word) &&
      told.has(stemOf(word)) &&
      isVerb(word.toLowerCase()),
  );
}

/** An occasion in a sentence: "in his State of the Union address", "during the summit", "at the conference". */
const OCCASION =
  /\b(?:in|at|during)\s+(?:his|her|their|its|the)\s+(?:[\p{L}-]+\s+){0,4}(?:address|speech|visit|summit|conference|trip)\b/iu;
const QUESTION_FRAME = new Set(['when', 'what', 'which', 'does', 'did', 'have', 'been', 'were', 'was']);

function words(text: string): string[] {
  return text.match(/[\p{L}][\p{L}'-]*/gu) ?? [];
}

function stemOf(word: string): string {
  return stem(word.toLowerCase());
}

/**
 * Things named one by one ("with JBIC and NEXI", "the Japanese and South Korean air forces", "the United
 * States, Japan, and South Korea"): how a sentence answers "how many countries…" without a number.
 */
export function enumeratesNames(sentence: string): boolean {
  return NAMES_ENUMERATED.test(sentence);
}

const NAMES_ENUMERATED = /\p{Lu}[\p{L}\p{N}.-]*\)?,?\s+and\s+(?:the\s+)?\p{Lu}/u;

/** A run of capitalised names joined by commas and a last "and": "Toyota, Mazda, Honda, and Denso". */
const NAME_RUN = String.raw`\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*){0,3}\)?`;
const ENUMERATION = new RegExp(String.raw`(?:${NAME_RUN},\s+)*${NAME_RUN},?\s+and\s+(?:the\s+)?\p{Lu}`, 'gu');

/**
 * How many names a sentence lists in its longest enumeration: 4 for "Toyota, Mazda, Honda, and Denso", 2
 * for "Toyota and Mazda", 0 without one (see enumeratesNames).
 */
export function namesListed(sentence: string): number {
  let most = 0;
  for (const match of sentence.matchAll(ENUMERATION)) {
    const commas = (match[0].match(/,\s+(?!and\b)/gu) ?? []).length;
    most = Math.max(most, commas + 2);
  }
  return most;
}

/**
 * A question after a part of an amount the sheets may give only in sum: "how much of the $1.6 billion is
 * Mazda's share?", "how many of those jobs are in manufacturing?", "how much did Honda put in on its own?",
 * "of the 850k jobs how many are at Toyota?", "the breakdown of the $424B by industry". Not "X vs Y" on its
 * own: "how many sanctions were adopted vs the DPRK?" means against.
 */
const ASKS_FOR_PART =
  /\bhow\s+(?:much|many)\s+of\s+(?:that|those|these|this|it|them|the)\b|\bof\s+(?:the|those|these|that|all)\b[^?]{0,60}?\bhow\s+(?:much|many)\b|\b(?:breakdown|split|broken\s+down)\b[^?]{0,60}?\bby\s+(?!(?:the\s+)?(?:sections?|sheets?|topics?|docs?|documents?|themes?)\b)\p{L}|\b(?:share|portion|percentage|percent|fraction|breakdown|split)\s+(?:of|is|was|did|does|for)\b|\b(?:split|divided|shared)\s+(?:up\s+)?(?:between|among|across)\b|['’]s\s+(?:share|portion|part|cut)\b|\bon\s+(?:its|their|his|her)\s+own\b|\bindividually\b|\bapiece\b|\b(?:alone|by\s+itself|by\s+themselves)\b/iu;

/** Whether a question asks for a part of an amount (see ASKS_FOR_PART). */
export function asksForPart(question: string): boolean {
  return ASKS_FOR_PART.test(question);
}

/**
 * Whether a question names an amount ("$424B", "850k", "1.6bn", "850,000", "~30", "thirty") or asks for
 * one ("how much", "how many"); a bare four-digit year ("the 2018 sheet") is not an amount.
 */
export function namesAmount(question: string): boolean {
  return NAMES_AN_AMOUNT.test(question);
}

const NAMES_AN_AMOUNT =
  /[$¥~]\s?\d|\b\d[\d,.]*\s*(?:k|m|bn?|b|billion|million|thousand|%)(?![\p{L}])|\b\d{1,3}(?:,\d{3})+\b|\bhow\s+(?:much|many)\b|\b(?:twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b/iu;

/**
 * Whether a sentence breaks an amount down: a percentage, or two amounts of which one can be a part of
 * the other ("$1.6 billion… up to 4,000 jobs" is two amounts of different things, so only a share or
 * "of which" counts with them).
 */
export function statesPart(sentence: string): boolean {
  return /\d\s*%|\bper\s*cent\b|\bpercent\b|\bof\s+which\b|\bincluding\s+(?:\$|¥)?\d/iu.test(sentence);
}
