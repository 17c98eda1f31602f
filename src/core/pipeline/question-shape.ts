import { isVerbInflection } from '../text/word-senses.js';
import type { KnowledgeDocument } from '../types.js';
import { MONTH_NAMES, monthNumber } from '../text/month-names.js';

import type { AskedFor } from '../answer/asked-fact.js';

export type { AskedFor } from '../answer/asked-fact.js';
export { enumeratesNames, statesAskedFact } from '../answer/asked-fact.js';

const ASKS: ReadonlyArray<readonly [AskedFor, RegExp]> = [
  // Before quantity: "how much does Japan pay…" is answered only by a sum of money, not by any number.
  [
    'money',
    /\bhow\s+much\b[^?.!]*\b(pay|pays|paid|paying|cost|costs|costing|spend|spends|spent|spending|invest|invests|invested|investing|worth|fund|funds|funded|funding|money|cash|budget|price|charge|charges|charged)\b|\bhow\s+much\s+(money|cash|funding)\b|\bhow\s+many\s+(dollars|yen|billions|millions|bucks|bn|billion|million|usd)\b|\bwhat(?:['’]s|\s+is|\s+was|\s+were)?\s+the\s+(?:(?:rough|approximate|estimated|total|overall|ballpark)\s+)?(?:cost|price|dollar\s+(?:figure|amount|value)|value)\b/i,
  ],
  // "Where does Japan rank among investors?" asks for a standing, answered by "the third largest".
  [
    'rank',
    /\b(?:what|which)\s+(?:rank|ranking)\b|\branks?\s+(?:among|in|as|of)\b|\bwhere\s+(?:does|do|did|is|are|was|were)\b[^?.!]*\brank(?:s|ed|ing)?\b|\bhow\s+(?:high|highly)\b[^?.!]*\brank|\b(?:in\s+)?(?:what|which)\s+place\s+(?:among|in|of|on)\b|\bis\s+in\s+what\s+place\b|^\W*(?:is|was|are|were)\s+[\p{L}.-]+(?:\s+[\p{L}.-]+)?\s+the\s+(?:biggest|largest|top|leading|number\s+one)\b/iu,
  ],
  // "How many people…" counts things: "billions of dollars" does not answer it.
  ['count', /\bhow\s+many\b/i],
  [
    'quantity',
    /\bhow\s+(many|much|big|large|long|far|often|old)\b|\bwhat\s+(percentage|share|number|amount|sum|figure)\b|\bhow\s+many\s+times\b/i,
  ],
  // "When" asks for a time only as the question's opener ("when did…", "so when was that?"), not as a
  // conjunction ("what did Trump say when he praised Abe?").
  [
    'when',
    /(?:^|[,;.?!(]\s*|\b(?:and|but|so|ok|okay|wait|like|then)\s+)when\b|\bwhat\s+(?:exact\s+|precise\s+|specific\s+)?(year|month|date|day|time)\b|\bwhich\s+(?:exact\s+|precise\s+|specific\s+)?(year|month|date|day)\b|\bhow\s+long\s+ago\b|\bwhen\s*\??\s*$/i,
  ],
  [
    'who',
    /^\W*(who|whom|whose)\b|\b(who|whom|whose)\b(?!\s+(?:is|are)\s+(?:the\s+)?(?:sheet|fact))|\bwhich\s+(person|people|leader|leaders|president|minister|official|officials|country|countries|company|companies|firms?|agency|agencies|bank|banks|body|bodies|organi[sz]ations?|daughter|head|couple|ones|carmakers|automakers|makers|brands|manufacturers|corporations|businesses|outfits|entities|institutions)\b|\b(?:which|name|list)\s+(?:some\s+|a\s+few\s+|the\s+|any\s+|all\s+the\s+)?(?:[\w-]+\s+){0,2}(?:companies|firms|carmakers|automakers|makers|brands|manufacturers|corporations|businesses|banks|agencies)\b/i,
  ],
  [
    'where',
    /\bwhere\s+(?:is|are|was|were|will|did|does|do)\b[^?]*\b(located|built|held|based|going|go|happen|happened|take place)\b|(?:^|[,;.?!]\s*|\b(?:so|and|but|ok|wait)\s+)where\s+(?:exactly\s+)?(?:in\s+\S+\s+)?(?:is|are|was|were|did|does|do|will)\b(?![^?.!]*\b(?:stand|stands|standing|rank|ranks|ranked|headed|heading|things|leave|left|put|puts|compared?|compares|among|fall|falls|sit|sits|come\s+up|comes\s+up|appear|appears|mentioned|show\s+up|shows\s+up)\b)|\bwhich\s+(?:[\w-]+\s+)?(city|town|county|region|regions|place|places|area|areas)\b|\b(?:which|what)\s+parts?\s+of\s+the\s+(?:world|globe|planet)\b|\bin\s+what\s+(city|town|region|place)\b|(?:^|[,;.?!]\s*|\b(?:so|and|but|ok|wait)\s+)where\s+(?:exactly\s+)?in\s+[\w-]+\W*$|\bwhat\s+(?:city|town|county|state|prefecture|province)\s+(?:is|was|are|were)\b|(?:^|\b(?:and|but|so|ok|okay|wait)\s+)where(?:\s+exactly|\s+at)?\s*\??\s*$/i,
  ],
];

/**
 * "How many countries / militaries / companies / agreements…": things that have names, so a sentence
 * naming them one by one answers the question (see enumeratesNames) as well as a number would. Not
 * people, troops or jobs, which are counted, never listed. The words before the noun are lower case, so
 * "how many United States troops" is not read as counting states.
 */
const NAMEABLE_NOUNS = String.raw`(?:countries|nations|governments|militaries|forces|navies|armies|allies|partners|companies|firms|carmakers|automakers|makers|brands|manufacturers|banks|agencies|organi[sz]ations|orgs|entities|outfits|institutions|bodies|groups|parties|sides|[Mm]emorand(?:a|ums)|mous|MOUs|agreements|deals|pacts|treaties|regions|areas|sectors|fields)`;
/** A nationality adjective, capitalised as it is written: "Japanese", "American", "South Korean". */
const NATIONALITY = String.raw`(?:\p{Lu}\p{Ll}+\s+)?\p{Lu}\p{Ll}+(?:ese|an|ish|i)`;
const NAMEABLE_COUNT = new RegExp(
  String.raw`\b[Hh]ow\s+many\s+(?:(?:[\p{Ll}-]+(?:'s|s'|’s|s’)?|${NATIONALITY})\s+){0,2}${NAMEABLE_NOUNS}\b`,
  'u',
);
/**
 * "which firms…", "which japanese companies…", and after a question about them "and which ones?": asks for
 * things with names, answered by naming them.
 */
const WHICH_NAMEABLE = new RegExp(
  String.raw`\b[Ww]hich\s+(?:[\p{Ll}-]+\s+){0,2}${NAMEABLE_NOUNS}\b|\b[Ww]hich\s+ones\b|\b(?:[Nn]ame|[Ll]ist)\s+(?:some|a\s+few|the|any|all\s+the)\s+(?:[\p{Ll}-]+\s+){0,2}${NAMEABLE_NOUNS}\b`,
  'u',
);

/** Whether a question asks which things with names (see WHICH_NAMEABLE): "which firms get a shoutout?". */
export function asksWhichNamedThings(question: string): boolean {
  return WHICH_NAMEABLE.test(question);
}

/** Whether a "how many…" question counts things with names (see NAMEABLE_COUNT). */
export function countsNamedThings(question: string): boolean {
  return NAMEABLE_COUNT.test(question);
}

/** Which kind of fact the question asks for, if any ("how many…" → quantity, "who…" → who). */
export function askedFor(question: string): AskedFor | undefined {
  for (const [kind, pattern] of ASKS) if (pattern.test(question)) return kind;
  return undefined;
}

/** A fact sheet named by its year: "the 2017 white house fact sheet", "the sheet from 2017", "the 2017 doc". */
const SHEET_OF_YEAR = new RegExp(
  String.raw`\b((?:19|20)\d\d)\s+(?:white\s+house\s+)?(?:fact[\s-]*)?(?:sh(?:e{1,3}a?|ea)ts?|documents?|docs?)\b|\b(?:fact[\s-]*)?(?:sh(?:e{1,3}a?|ea)ts?|documents?|docs?)\s+(?:from|of|dated)\s+((?:19|20)\d\d)\b`,
  'giu',
);

/**
 * The year of a fact sheet the question names when the knowledge has no document of that year ("what
 * did the 2017 white house fact sheet say about japan?" → "2017"). Undefined when it names none, or names a
 * year some document is dated in ("compare the 2017 and 2019 sheets" is about the 2019 one at least).
 */
export function absentSheetYear(
  question: string,
  documents: readonly KnowledgeDocument[],
): string | undefined {
  const years = documentYears(documents);
  const named = [...question.matchAll(SHEET_OF_YEAR)].map((match) => match[1] ?? match[2] ?? '');
  return named.length === 0 || named.some((year) => years.has(year)) ? undefined : named[0];
}

/** The four-digit years the knowledge's documents are dated in, e.g. {"2018", "2019"}. */
export function documentYears(documents: readonly KnowledgeDocument[]): Set<string> {
  return new Set(documents.map((document) => document.date.slice(0, 4)));
}

/**
 * "both sheets", "compare", "how did … change", or two of the documents' years named: the person wants
 * each sheet heard. The years come from the knowledge, so a third sheet needs no code change.
 */
export function isCrossSheetQuestion(question: string, documents: readonly KnowledgeDocument[]): boolean {
  if (
    /\bboth\b|\beach\b[^.?!]*\bsheets?\b|\b(two|2)\s+(fact\s+)?sheets\b|\bthe\s+(fact\s*)?sheets\s+(say|said|says|mention|cover|talk)\b|\bcompar|\bover\s+time\b|\bevolv|\bdiffer|\bchang(e|ed|es)\b[^.?!]*\b(between|from)\b/i.test(
      question,
    )
  )
    return true;
  const years = documentYears(documents);
  const named = new Set((question.match(/\b(?:19|20)\d\d\b/g) ?? []).filter((year) => years.has(year)));
  return named.size >= 2;
}

/** A sheet as people name it, misspelt too ("fact sheat", "the 2019 doc"). */
const SHEET_NOUN = String.raw`(?:white\s+house\s+)?(?:fact[\s-]*sh(?:e{1,3}a?|ea)ts?|sh(?:e{1,3}a?|ea)ts?|ones?|documents?|docs?|versions?|releases?|memos?|briefs?|briefings?|readouts?|statements?|papers?)`;
const EARLIEST = /\b(first|earlier|earliest|older|oldest|original)\b/i;
const LATEST = /\b(second|later|latest|newer|newest|recent|most\s+recent|last)\b/i;

/**
 * The documents a question points at by date ("the 2019 sheet", "the fact sheet from 2018", "the 2019
 * one", "…in 2019?") or by order ("the first one", "the newer sheet"). Undefined when it points at none,
 * or at all.
 *
 * @param isYearInText - whether the sheets' text uses a year as a fact ("total 2016 FDI"): then "…in
 *   2016?" asks about that fact, not for the sheets dated 2016. @default no year is
 */
export function targetDocuments(
  question: string,
  documents: readonly KnowledgeDocument[],
  isYearInText: (year: string) => boolean = () => false,
): string[] | undefined {
  const byYear = new RegExp(
    String.raw`\b((?:19|20)\d\d)\s+${SHEET_NOUN}\b|\b${SHEET_NOUN}\s+(?:from|of|dated|in)\s+((?:19|20)\d\d)\b|\bin\s+((?:19|20)\d\d)\s*\??$|^\W*(?:and|but|so|ok|okay)?\s*(?:what|how)\s+about\s+(?:in\s+)?((?:19|20)\d\d)\W*$|^\W*(?:and|but|so)\s+(?:in\s+)?((?:19|20)\d\d)\W*$`,
    'gi',
  );
  const years = new Set<string>();
  for (const match of question.matchAll(byYear)) {
    // "What was Japan's FDI in 2016?": a year the sheets' own text uses (“total 2016 FDI”) is more likely the
    // fact's year than a pointer at the sheets dated that year, unless a sheet is named ("the 2016 sheet").
    if (match[3] !== undefined && isYearInText(match[3])) continue;
    const year = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5];
    if (year !== undefined) years.add(year);
  }
  let ids = documents
    .filter((document) => years.has(document.date.slice(0, 4)))
    .map((document) => document.id);
  if (years.size === 0) {
    const ordinal = new RegExp(String.raw`\b(\w+(?:\s+recent)?)\s+${SHEET_NOUN}\b`, 'gi');
    const sorted = [...documents].sort((a, b) => a.date.localeCompare(b.date));
    for (const match of question.matchAll(ordinal)) {
      const word = match[1] ?? '';
      const pick = EARLIEST.test(word) ? sorted[0] : LATEST.test(word) ? sorted.at(-1) : undefined;
      if (pick !== undefined) ids = [pick.id];
    }
  }
  return ids.length === 0 || ids.length === documents.length ? undefined : ids;
}

/**
 * The words that point at a sheet by its order ("the first one", "the newer sheet", "the most recent
 * doc" → first, newer, most, recent): they say where to look, not what about, so "summarize the first
 * one" has no topic. Lower-case tokens.
 */
export function sheetOrderWords(question: string): Set<string> {
  const ordinal = new RegExp(String.raw`\b((?:most\s+)?\w+(?:\s+recent)?)\s+${SHEET_NOUN}\b`, 'gi');
  const words = new Set<string>();
  for (const match of question.matchAll(ordinal)) {
    const phrase = match[1] ?? '';
    if (!EARLIEST.test(phrase) && !LATEST.test(phrase)) continue;
    for (const word of phrase.toLowerCase().split(/\s+/)) words.add(word);
  }
  // "these 2 docs", "the two sheets": how many sheets there are, not a number asked about.
  for (const match of question.matchAll(COUNTED_SHEETS)) words.add((match[1] ?? '').toLowerCase());
  return words;
}

const COUNTED_SHEETS = new RegExp(String.raw`\b(2|two)\s+${SHEET_NOUN}\b`, 'giu');

/**
 * Month words that date a sheet rather than name a topic: "the may 2019 sheet", "per the April 2018 doc"
 * (a month, one of the knowledge's document years, then a word for a sheet). Lower-case words; empty when
 * none. "during his May 2019 visit" dates an event, which the sheets must then mention.
 */
export function sheetDateWords(
  question: string,
  documentYears: ReadonlySet<string>,
  documentMonths: ReadonlySet<string> = new Set(),
): Set<string> {
  const words = new Set<string>();
  for (const pattern of [MONTH_BEFORE_YEAR, SHEET_FROM_MONTH]) {
    for (const match of question.matchAll(pattern)) {
      if (documentYears.has(match[2] ?? '')) words.add((match[1] ?? '').toLowerCase());
    }
  }
  // "as of the may 2019 visit": the very month a sheet is dated, so the time the sheet tells of.
  for (const match of question.matchAll(MONTH_AND_YEAR)) {
    const month = monthNumber(match[1] ?? '');
    if (month !== undefined && documentMonths.has(`${match[2]}-${String(month).padStart(2, '0')}`))
      words.add((match[1] ?? '').toLowerCase());
  }
  return words;
}

/** The "YYYY-MM" months the documents are dated in (those dated to the month or day). */
export function documentMonths(documents: readonly KnowledgeDocument[]): Set<string> {
  return new Set(
    documents
      .filter((document) => /^\d{4}-\d{2}/.test(document.date))
      .map((document) => document.date.slice(0, 7)),
  );
}

const MONTH_AND_YEAR = new RegExp(String.raw`\b(${MONTH_NAMES})\.?\s+((?:19|20)\d\d)\b`, 'giu');

const MONTH_BEFORE_YEAR = new RegExp(
  String.raw`\b(${MONTH_NAMES})\.?\s+((?:19|20)\d\d)\s+(?:fact\s+)?${SHEET_NOUN}\b`,
  'giu',
);
/** "the sheet is from May 2019", "the doc dated may 2019": the month after the sheet, before its year. */
const SHEET_FROM_MONTH = new RegExp(
  String.raw`\b${SHEET_NOUN}\s+(?:(?:is|was|that's)\s+)?(?:from|of|dated|in)\s+(${MONTH_NAMES})\.?\s+((?:19|20)\d\d)\b`,
  'giu',
);

/**
 * The role a "who is the X" question asks to be named: "who's the emperor that started the Reiwa era?"
 * → "emperor". When the sheets never use that word, they don't say who it is, however much else of the
 * question they cover. ("Which/what X" questions are not read this way: "what event…" is answered by a
 * passage that names the event without the word "event".) Lower-case token, or undefined.
 */
export function askedRole(question: string): string | undefined {
  const match = /\bwho(?:['’]s|\s+is|\s+was|\s+were|\s+are)\s+the\s+([^?.!,;:]+)/iu.exec(question);
  return match?.[1] === undefined ? undefined : phraseHead(match[1]);
}

/**
 * The office a "who is the X (of Y)?" question asks the holder of ("who is the leader of north korea?",
 * "who's the foreign minister of japan", "who's the president?"), lower case with the word that makes it
 * a title ("prime minister"); undefined when the question asks no office ("who was the first world
 * leader to…" describes someone).
 */
export function askedOffice(question: string): string | undefined {
  const match = new RegExp(
    String.raw`\bwho(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:(${OFFICE_MODIFIERS})\s+)?(${OFFICES})(?:\s+of\s+\S|\s*[?!.]*\s*$)`,
    'iu',
  ).exec(question);
  if (match === null) return undefined;
  return [match[1], match[2]]
    .filter((word) => word !== undefined)
    .join(' ')
    .toLowerCase();
}

const OFFICES =
  'president|minister|leader|premier|king|queen|emperor|chancellor|secretary|ambassador|governor|mayor|chairman|head|ruler|dictator';
const OFFICE_MODIFIERS =
  'prime|foreign|defen[cs]e|finance|trade|vice|deputy|chief|supreme|head\\s+of\\s+state';

/**
 * Whether a text names someone by the office ("Prime Minister Shinzo Abe", "President Trump"), not the
 * office of someone's adviser ("Advisor to the President Ivanka Trump").
 */
export function namesOfficeHolder(text: string, office: string): boolean {
  const words = office
    .split(/\s+/u)
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1)}`)
    .join(String.raw`\s+`);
  return new RegExp(String.raw`(?<!\b(?:to|of|for)\s+the\s+)\b${words}\s+\p{Lu}[\p{L}.]*`, 'u').test(text);
}

/**
 * Nouns that frame a question rather than name what it asks for: "what's the deal with the F-35s?",
 * "what was the cost of the plant?" (an amount, which the asked fact decides),
 * "what's the latest on the trade talks?", and the aim or stance any policy sentence answers ("what's the
 * endgame with Pyongyang?"). Written for Kizuna from common English usage.
 */
const FRAME_NOUNS: ReadonlySet<string> = new Set(
  `deal story status situation gist latest news update updates upshot point idea thing things summary
  overview background context lowdown scoop score tea takeaway takeaways word verdict answer
  endgame goal goals aim aims purpose plan plans strategy approach policy stance position view take angle
  agenda objective objectives mission vision rank ranking standing role
  cost costs price prices value worth amount sum total figure`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Nouns whose "of" phrase says what is asked about: "the name of the emperor" asks for an emperor. */
const NAMING_NOUNS: ReadonlySet<string> = new Set(['name', 'names', 'identity', 'title']);

/** Words that end the noun phrase an attribute question asks about. */
const PHRASE_END =
  /^(?:of|for|with|w|vs|versus|between|during|in|on|at|from|to|by|about|over|under|after|before|since|that|which|who|whose|whom|where|when|while|as|and|or|is|was|are|were|be|been|gonna|going|like|do|does|did|has|have|had|will|would|can|could|should)$/i;

/**
 * The attribute a "what is the X (of …)" or "how big is the X" question asks for: the head of the noun
 * phrase after the article, i.e. its last word before a preposition or verb ("What is the population of
 * Tokyo?" → "population", "How big is the US trade deficit with Japan?" → "deficit"). When the sheets
 * never use that word they don't give that attribute, however much else of the question they cover
 * (English noun phrases are head-final; "the deal"/"the latest" only frame the question). Lower-case
 * token, or undefined when the question is not of that shape.
 */
export function askedAttribute(question: string): string | undefined {
  const match =
    /\b(?:what|how\s+(?:big|large|high|huge|steep|much|many|long|old|far))(?:['’]s|s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+(?:the|their|its|his|her|our|your|a|an|[\p{L}.-]+['’]s)\s+([^?.!,;:]+)/iu.exec(
      question,
    );
  if (match?.[1] === undefined) return undefined;
  const head = phraseHead(match[1]);
  return head === undefined || FRAME_NOUNS.has(head) ? undefined : head;
}

/**
 * The last word of a noun phrase (its head in English): the words up to a preposition, a verb or a
 * frame noun ("new emperor that started…" → "emperor"). Lower case, or undefined when there is none.
 */
function phraseHead(phrase: string): string | undefined {
  let head: string | undefined;
  let before: string | undefined;
  const words = phrase.toLowerCase().split(/\s+/);
  for (let index = 0; index < words.length; index++) {
    const token = (words[index] ?? '')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .replace(/['’]s$/u, '');
    // "the name of the emperor": a name is asked for, but what is named is the emperor.
    if (token === 'of' && head !== undefined && NAMING_NOUNS.has(head)) {
      head = undefined;
      before = undefined;
      if (/^(?:the|a|an|this|that)$/.test(words[index + 1] ?? '')) index++;
      continue;
    }
    if (token === '' || PHRASE_END.test(token)) break;
    // "the investment trump hyped", "the date ivanka spoke": a verb after two words starts a clause
    // without "that", whose subject is the word before it; the head is the word before that. A verb form
    // first ("the estimated population") is a modifier.
    if (before !== undefined && isVerbInflection(token)) return before;
    before = head;
    head = token;
    // "the indo-pacific vision thing trump keeps…": the phrase ends at its frame noun.
    if (FRAME_NOUNS.has(token)) break;
  }
  return head;
}

/**
 * A change of office: someone leaving it or someone after them in it ("who replaced Abe?", "when did Abe
 * step down?", "who became PM after Abe?"). Sheets written while the leaders served say nothing of it,
 * however well they cover the leaders, so such a question is answered only by a passage that tells of one.
 * Written for Kizuna from common English; the words of leaving, succeeding and replacing.
 */
const CHANGE_OF_OFFICE =
  /\b(?:succe(?:ssors?|eded|eds|eding|ssion)|succeed|replac(?:e|ed|es|ing|ement)|took\s+over|takes?\s+over|taking\s+over|step(?:ped|s|ping)?\s+down|resign(?:ed|s|ing|ation)?|left\s+office|leave\s+office|leaving\s+office|ousted|retir(?:e|ed|es|ing|ement)\s+(?:as|from)|out\s+of\s+office|next\s+(?:pm|prime\s+minister|president))\b/iu;
/** "Who became PM after Abe?": someone after another in an office. */
const CAME_AFTER =
  /\bwho\b[^?.!]*\b(?:became|become|becomes|came)\b[^?.!]*\bafter\s+(?!the\b|a\b|an\b|that\b|this\b|he\b|she\b|they\b|\d)/iu;

/**
 * The words of a change of office in a question or a passage (see CHANGE_OF_OFFICE), as the question
 * put them ("step down", "replaced"; "came after" for "who became PM after Abe"), or undefined.
 */
export function changeOfOffice(text: string): string | undefined {
  return CHANGE_OF_OFFICE.exec(text)?.[0] ?? (CAME_AFTER.test(text) ? 'came after' : undefined);
}

/**
 * The completion of an agreement or a law: signing, concluding, ratifying, taking effect. "When was the
 * trade agreement signed?" is not answered by "Last fall, they agreed to enter into negotiations…": that
 * time dates the start of talks. Written for Kizuna from common English.
 */
const COMPLETION =
  /\b(?:(?:clos|clinch|seal)(?:e|es|ed|ing)?\s+(?:the|a|that|this)\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|pact|treaty)|sign(?:ed|ing|s)?|finali[sz](?:ed|e|es|ing)|conclud(?:ed|e|es|ing)|ratif(?:ied|y|ies|ying)|enacted|took\s+effect|takes?\s+effect|came\s+into\s+force|comes?\s+into\s+force|went\s+into\s+effect|go\s+into\s+effect)\b/iu;

/** The words of a completion (see COMPLETION) in a question or a sentence, or undefined. */
export function completion(text: string): string | undefined {
  return COMPLETION.exec(text)?.[0];
}

/**
 * A question after what came of a plan or an estimate ("did the plant actually end up hiring 4k?", "did
 * it pan out?"): a passage that gives only the estimate ("estimated to create up to 4,000 jobs") does not
 * say. Not "how many would it end up employing?", which asks for the estimate. Written for Kizuna from
 * common English.
 */
const OUTCOME =
  /\b(?:did|has|have)\b[^?.!]*?\b(end\s+up|turn\s+out|come\s+true|pan\s+out|materiali[sz]e)\b|\b(ended\s+up|turned\s+out|came\s+true|panned\s+out|materiali[sz]ed)\b/iu;
/** A sentence that gives a plan or an estimate, not what came of it. */
const ESTIMATE = /\b(?:estimated|expected|projected|forecast|planned|up\s+to)\b/iu;

/** The words asking what came of a plan (see OUTCOME), or undefined. */
export function asksForOutcome(question: string): string | undefined {
  const match = OUTCOME.exec(question);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** Whether a passage gives only a plan or an estimate (see ESTIMATE). */
export function givesEstimate(text: string): boolean {
  return ESTIMATE.test(text);
}

/**
 * The words naming what a yes-or-no question says was done with a light verb ("did Trump play golf with
 * Abe?" → ["golf"], "did Trump meet the new emperor…?" → ["the", "new", "emperor"]): up to three words
 * after the verb, before a preposition, frame nouns ("have a role") left out. Lower case; empty when the
 * question is not of that shape. A light verb says little of its own, so its object is the subject.
 */
export function lightVerbObject(question: string): string[] {
  const match = LIGHT_VERB_QUESTION.exec(question);
  const words: string[] = [];
  for (const word of (match?.[1] ?? '').toLowerCase().split(/\s+/)) {
    if (word === '' || PREPOSITIONS.has(word)) break;
    if (!FRAME_NOUNS.has(word)) words.push(word);
  }
  return words;
}

const LIGHT_VERB_QUESTION =
  /^\W*(?:did|does|do|has|have|had|will|would|is|are|was|were)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:play|played|playing|put|puts|have|has|had|get|got|do|did|make|made|go|went|take|took|hold|held|attend|attended|visit|visited|see|saw|watch|watched|eat|ate|meet|met)\s+(?:to\s+)?((?:[\p{L}-]+\s*){1,3})/iu;
const PREPOSITIONS = new Set(
  'with in on at to from for during after before of by about into over under'.split(' '),
);

/**
 * "how do you say thank you in japanese?", "what's the japanese word for cheers", "translate good morning
 * into japanese": a request for a translation, which the fact sheets are not for, though they use the
 * language's name. Not "what does Reiwa mean?", which asks what a sheet's word means. Written for Kizuna
 * from common English.
 */
export function asksForTranslation(question: string): boolean {
  return TRANSLATION.test(question);
}

/** Into English is another matter: "what does the reign's name translate to in English?" asks its meaning. */
const LANGUAGE = String.raw`(?:japanese|korean|chinese|nihongo)`;
const TRANSLATION = new RegExp(
  String.raw`\bhow\s+(?:do|would|should|can|to)\s+(?:(?:you|u|i|we|one|people)\s+)?(?:say|write|spell|pronounce)\b[^?.!]*\b(?:in|into)\s+${LANGUAGE}\b` +
    String.raw`|\b(?:what(?:'?s|\s+is)|whats)\s+(?:the\s+)?${LANGUAGE}\s+(?:word|phrase|term)\s+for\b` +
    String.raw`|\btranslat(?:e|ion\s+of)\b[^?.!]*\b(?:in|into|to)\s+${LANGUAGE}\b`,
  'iu',
);

/**
 * "is it gonna rain in tokyo this weekend", "exchange rate peso to won today", "who should i start at flex
 * this week": the days around the asking, which sheets written in 2018 and 2019 cannot tell of. The words
 * naming them, as typed, or undefined. Not "right now" or "rn": "are they still haggling over a commerce
 * pact right now?" asks where things stand, which a sheet's "currently ongoing" answers. Written for Kizuna
 * from common English.
 */
export function namesDaysAround(question: string): string | undefined {
  return DAYS_AROUND.exec(question)?.[0];
}

const DAYS_AROUND = /\b(?:today|tonight|tomorrow|this\s+(?:week|weekend|season)|next\s+(?:week|weekend))\b/iu;
