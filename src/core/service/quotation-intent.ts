import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { contentTerms } from '../text/content-terms.js';
import type { CatalogueEntry } from '../quotes/find-quotation.js';
import type { KnowledgeState } from './knowledge-state.js';

/** "What did Abe say…", "in what words did Trump praise…", "which quote opens…": the person wants someone's words. */
const ASKS_FOR_WORDS =
  /\b(say|says|said|saying|quote[sd]?|quotations?|words|remark(?:s|ed)?|stat(?:ed|ement)|call(?:s|ed)?|describ(?:e|es|ed)|prais(?:e|es|ed)|vow(?:s|ed)?|promis(?:e|es|ed)|pledg(?:e|es|ed))\b/i;
/**
 * Words with which a question may be after what someone said, thought or claimed, more widely than
 * {@link ASKS_FOR_WORDS}: "how does Trump feel about Abe?", "who claimed no two leaders…", "by Abe's count".
 */
const MAY_WANT_WORDS =
  /\b(think|thinks|thought|feel|feels|felt|opinion|claim|claims|claimed|line|lines|according|boast(?:s|ed)?|brag(?:s|ged)?|insist(?:s|ed)?|told|tell|tells|calling|count)\b/i;

/**
 * Whether a question may be after someone's words (a quotation, a remark, an opinion): then a passage
 * that is mostly a quotation is as good an answer as any; otherwise it is rarely what is asked.
 */
export function mayAskForWords(question: string): boolean {
  return asksForWords(question) || MAY_WANT_WORDS.test(question);
}

/**
 * {@link ASKS_FOR_WORDS}, except where the word asks about a deed rather than words: "did trump pledge to
 * defend japan?" asks whether he committed to it, "who did trump praise in the state of the union?" whom.
 */
function asksForWords(question: string): boolean {
  return ASKS_FOR_WORDS.test(question) && !ASKS_ABOUT_A_DEED.test(question);
}

/** A yes-or-no question about a commitment to do something, or who was praised or called on. */
const ASKS_ABOUT_A_DEED =
  /^\W*(?:so\s+)?(?:did|does|do|has|have|had|is|was|will)\b[^?]*\b(?:pledg(?:e|es|ed)|promis(?:e|es|ed)|vow(?:s|ed)?)\s+to\s+(?!the\b|them\b|him\b|her\b)\p{L}+|\bwho(?:m)?\s+(?:did|does|has|had)\s+(?:\S+\s+){1,2}?prais(?:e|es|ed)\b|\bwho\s+(?:has\s+)?prais(?:ed|es)\s+(?:it|them|that|this|the\s+\S+)\b|\b(?:when|where)\s+(?:did|does|has|had)\s+(?:\S+\s+){1,3}?prais(?:e|es|ed)\b/iu;

/**
 * The share of a passage's characters inside double quotation marks, 0–1: "Prime Minister Abe has
 * remarked that, "over the half-century history…"" is mostly a quotation.
 */
export function quotedShare(text: string): number {
  let inside = 0;
  for (const match of text.matchAll(/["“]([^"”]*)["”]/gu)) inside += (match[1] ?? '').length;
  return text.length === 0 ? 0 : inside / text.length;
}

/**
 * What describing the person asked about adds to a quotation's score, in topic words: more than any
 * word matched only through the question's expansions, so "what did Trump call Abe?" gets "very
 * aggressive, strong, [and] tough Prime Minister", not a quotation in which Abe is only named.
 */
const DESCRIPTION_BONUS = 2;

/** Verbs that ask how someone described another: "what did Trump call Abe?", "how did he describe him?" */
const DESCRIBES =
  /\b(call(?:s|ed)?|describ(?:e|es|ed)|prais(?:e|es|ed)|label(?:s|ed|led)?|nam(?:e|es|ed))\b/i;

/** Words that ask for a quotation even when no speaker is named ("which quote opens the 2019 sheet?"). */
const NAMES_A_QUOTATION = /\b(quote[sd]?|quotations?|words|remark(?:s|ed)?)\b/i;
const ASKS_FOR_OPENING = /\b(open(?:s|ed|ing)?|begin(?:s|ning)?|starts?|first|top)\b/i;
const TITLES = new Set(['president', 'prime', 'minister', 'mr', 'mrs', 'the', 'first', 'lady']);

/**
 * "What's the quote at the top of the 2019 sheet?", "the opening quote of the 2018 one": the sheet's
 * opening quotation is the subject, though no word of it is in the question.
 */
export function asksForOpeningQuotation(question: string): boolean {
  return NAMES_A_QUOTATION.test(question) && ASKS_FOR_OPENING.test(question);
}

/**
 * Passages whose quotations the question asks for, best first: quotations by the speaker the question
 * names, about its topic; the sheets' opening quotations when it asks how a sheet opens. Empty when the
 * question is not after anyone's words.
 */
export function quotedPassagesFor(
  question: string,
  state: KnowledgeState,
  documentIds: readonly string[] | undefined,
  retrieved: readonly RetrievedPassage[] = [],
  expansions: readonly string[] = [],
): RetrievedPassage[] {
  if (!asksForWords(question)) return [];
  const questionWords = new Set(question.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const entries = state.quotations.entries;
  const index = speakerIndexOf(entries);
  // A speaker is named when any of their name's words (not a title) is in the question: "Abe", "Trump".
  // Worked out once per distinct set of name words (a few hundred speakers among thousands of quotations).
  const namedGroups = index.groups.map((speakerWords) =>
    [...speakerWords].some((word) => word.length > 2 && !TITLES.has(word) && questionWords.has(word)),
  );
  const named = (entry: CatalogueEntry) => namedGroups[index.groupOf.get(entry)!] === true;
  // "Who called Abe a … Prime Minister?" asks for the speaker: the person named is spoken about.
  const asksWhoSpoke = /^\W*who\b/i.test(question);
  let speakerNamed = !asksWhoSpoke && namedGroups.some(Boolean);
  // With two people named ("did Abe say anything about Trump?"), the one just before the verb is speaking.
  const speaking = asksWhoSpoke ? undefined : speakerBeforeVerb(question, index);
  if (speaking !== undefined) speakerNamed = true;
  const isWanted = (entry: CatalogueEntry) =>
    speaking === undefined ? named(entry) : entry.quotation.speaker === speaking;
  // "What do the fact sheets say about…" asks what the sheets say, not what anyone said.
  if (!speakerNamed && !asksWhoSpoke && !NAMES_A_QUOTATION.test(question)) return [];
  const wantsOpening = ASKS_FOR_OPENING.test(question);
  const asksForDescription = DESCRIBES.test(question);
  // The topic in the sheets' words too: "kidnapped" is asked, "abducted" is written.
  const topic = contentTerms([question, ...expansions].join(' '));
  // The sheets' words found for a missing word count half: they stand in for it, and may be far off
  // ("call" → "see").
  const asked = new Set(contentTerms(question));

  // Asked for "a quote about X" with no speaker: the quotations among the passages retrieved for X.
  const retrievedIds = new Set(retrieved.map((item) => item.passage.id));
  const onlyRetrieved = !speakerNamed && !wantsOpening;

  const scored: { passageId: string; score: number }[] = [];
  for (const entry of candidateEntries(index, entries, {
    speaking,
    namedGroups: speakerNamed ? namedGroups : undefined,
    retrievedIds: onlyRetrieved ? retrievedIds : undefined,
  })) {
    const { quotation } = entry;
    if (onlyRetrieved && !retrievedIds.has(quotation.passageId)) continue;
    if (documentIds !== undefined && !documentIds.includes(quotation.documentId)) continue;
    if (speakerNamed && !isWanted(entry)) continue;
    const passage = state.passagesById.get(quotation.passageId);
    if (passage === undefined) continue;
    const opening = passage.kind === 'opening-quote';
    if (wantsOpening && !opening) continue;
    const overlap = topic
      .filter((term) => entry.quoteTerms.has(term) || entry.passageTerms.has(term))
      .reduce((sum, term) => sum + (asked.has(term) ? 1 : 0.5), 0);
    // "What did Trump call Abe?": the words that describe Abe, whom the passage names outside the quotation
    // ("praised Prime Minister Abe as a "…""), not words in which Abe is merely named.
    const describes =
      asksForDescription &&
      topic.some(
        (term) =>
          entry.passageTerms.has(term) && !entry.quoteTerms.has(term) && !entry.speakerWords.has(term),
      );
    if (!wantsOpening && overlap === 0 && !speakerNamed) continue;
    // Ties between quotations go to the one retrieval found closer to the question.
    const closeness = retrieved.find((item) => item.passage.id === passage.id)?.score ?? 0;
    scored.push({
      passageId: passage.id,
      score: overlap + closeness + (describes ? DESCRIPTION_BONUS : 0) + (opening && wantsOpening ? 10 : 0),
    });
  }
  scored.sort((a, b) => b.score - a.score);

  const seen = new Set<string>();
  const results: RetrievedPassage[] = [];
  for (const { passageId } of scored) {
    if (seen.has(passageId)) continue;
    seen.add(passageId);
    const passage = state.passagesById.get(passageId);
    const document = passage === undefined ? undefined : state.documentsById.get(passage.documentId);
    if (passage !== undefined && document !== undefined) results.push({ passage, document, score: 0 });
  }
  return results;
}

/**
 * Puts the quoted passages first, each scored just above the best retrieved passage, keeping the rest of
 * the retrieved order. A question after someone's words is best answered by those words.
 */
export function promoteQuotedPassages(
  retrieved: readonly RetrievedPassage[],
  quoted: readonly RetrievedPassage[],
  limit: number,
): RetrievedPassage[] {
  if (quoted.length === 0) return [...retrieved];
  const top = retrieved[0]?.score ?? 0.5;
  const promoted = quoted.slice(0, 2).map((item, rank) => ({ ...item, score: top + 0.05 - rank * 0.01 }));
  const promotedIds = new Set(promoted.map((item) => item.passage.id));
  return [...promoted, ...retrieved.filter((item) => !promotedIds.has(item.passage.id))].slice(0, limit);
}

/** The speaker whose name stands closest before the speech verb ("Shinzo Abe say…"), within three words. */
function speakerBeforeVerb(question: string, index: SpeakerIndex): string | undefined {
  const words = question
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const verbAt = words.findIndex((word) => ASKS_FOR_WORDS.test(word));
  if (verbAt < 0) return undefined;
  for (let i = verbAt - 1; i >= Math.max(0, verbAt - 3); i--) {
    const word = words[i] ?? '';
    if (word.length <= 2 || TITLES.has(word)) continue;
    const entry = index.firstWithWord.get(word);
    if (entry !== undefined) return entry.quotation.speaker;
  }
  return undefined;
}

/**
 * The catalogue's speakers, prepared once per catalogue: at 100,000 passages it holds thousands of quotations, and
 * going through every one's name words for every question took milliseconds.
 */
interface SpeakerIndex {
  /** The distinct sets of name words, in order of first use. */
  readonly groups: readonly ReadonlySet<string>[];
  /** Per group, the positions (in the catalogue) of its entries, ascending. */
  readonly entriesOfGroup: readonly (readonly number[])[];
  /** Per speaker, and per passage id, the positions of their entries, ascending. */
  readonly entriesOfSpeaker: ReadonlyMap<string, readonly number[]>;
  readonly entriesOfPassage: ReadonlyMap<string, readonly number[]>;
  /** Each entry's place in `groups`. */
  readonly groupOf: ReadonlyMap<CatalogueEntry, number>;
  /** Name word → the first entry (in catalogue order) whose speaker's name has it. */
  readonly firstWithWord: ReadonlyMap<string, CatalogueEntry>;
}

const speakerIndexes = new WeakMap<readonly CatalogueEntry[], SpeakerIndex>();

function speakerIndexOf(entries: readonly CatalogueEntry[]): SpeakerIndex {
  let index = speakerIndexes.get(entries);
  if (index === undefined) {
    const groups: ReadonlySet<string>[] = [];
    const entriesOfGroup: number[][] = [];
    const entriesOfSpeaker = new Map<string, number[]>();
    const entriesOfPassage = new Map<string, number[]>();
    const groupByKey = new Map<string, number>();
    const groupOf = new Map<CatalogueEntry, number>();
    const firstWithWord = new Map<string, CatalogueEntry>();
    const add = (map: Map<string, number[]>, key: string, position: number) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [position]);
      else list.push(position);
    };
    entries.forEach((entry, position) => {
      // Sets with the same words in the same order answer every question alike.
      const key = [...entry.speakerWords].join(' ');
      let group = groupByKey.get(key);
      if (group === undefined) {
        group = groups.length;
        groupByKey.set(key, group);
        groups.push(entry.speakerWords);
        entriesOfGroup.push([]);
      }
      groupOf.set(entry, group);
      entriesOfGroup[group]!.push(position);
      add(entriesOfSpeaker, entry.quotation.speaker, position);
      add(entriesOfPassage, entry.quotation.passageId, position);
      for (const word of entry.speakerWords) if (!firstWithWord.has(word)) firstWithWord.set(word, entry);
    });
    index = { groups, entriesOfGroup, entriesOfSpeaker, entriesOfPassage, groupOf, firstWithWord };
    speakerIndexes.set(entries, index);
  }
  return index;
}

/**
 * The entries the scoring loop can keep, in catalogue order: those of the speaker named before the verb, else of
 * every named speaker, else of the retrieved passages when only those count; else all. The loop still applies every
 * test; this only skips entries it would skip (thousands of them at 100,000 passages).
 */
function candidateEntries(
  index: SpeakerIndex,
  entries: readonly CatalogueEntry[],
  wanted: {
    readonly speaking: string | undefined;
    readonly namedGroups: readonly boolean[] | undefined;
    readonly retrievedIds: ReadonlySet<string> | undefined;
  },
): CatalogueEntry[] {
  let positions: number[] | undefined;
  if (wanted.namedGroups !== undefined) {
    positions =
      wanted.speaking !== undefined
        ? [...(index.entriesOfSpeaker.get(wanted.speaking) ?? [])]
        : index.entriesOfGroup.flatMap((list, group) => (wanted.namedGroups![group] === true ? list : []));
  }
  if (wanted.retrievedIds !== undefined) {
    const ofRetrieved = [...wanted.retrievedIds].flatMap((id) => index.entriesOfPassage.get(id) ?? []);
    positions =
      positions === undefined ? ofRetrieved : positions.filter((position) => ofRetrieved.includes(position));
  }
  if (positions === undefined) return [...entries];
  return [...new Set(positions)].sort((a, b) => a - b).map((position) => entries[position]!);
}
