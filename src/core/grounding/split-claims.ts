import { checkCitationMarkers } from '../models/citation-markers.js';

/** One checkable statement: a sentence, or a clause of one joined by ";" or ", and". */
export interface Claim {
  /** The clause as the model wrote it (markers rewritten as `[n][m]`), trimmed. */
  readonly text: string;
  /** The clause without markers, leading "and" or end punctuation: what is checked. */
  readonly body: string;
  /**
   * Passage numbers the clause cites (1-based, in order, distinct). A clause without markers of its own
   * takes those of the next clause in its sentence that has some (a marker at the end of a sentence covers
   * the whole sentence), else of the previous one.
   */
  readonly markers: readonly number[];
  /** True when the markers were written on this clause, false when taken from a neighbour. */
  readonly ownMarkers: boolean;
}

/** A sentence of the reply and its clauses. */
export interface ReplySentence {
  /** The sentence as written (markers normalised), trimmed. */
  readonly text: string;
  readonly claims: readonly Claim[];
}

const MARKER = /\[(\d+)\]/g;
const MARKER_RUN = /^(?:\s*\[\d+\])+/;
// End punctuation, an optional closing quote or bracket, any markers written after the full stop, then
// whitespace and what can start a sentence (a capital, a digit, an opening quote, or the "@", "<" and "#"
// of Discord syntax, which must be judged as a sentence of its own).
const BOUNDARY = /([.!?]["”’)]?)((?:\s*\[\d+\])*)\s+(?=["“‘(]?[\p{Lu}\d@<#])/gu;
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * Splits a model's reply into sentences and clauses, keeping each clause's citation markers.
 *
 * - Marker groups are normalised first (`[1, 3]` → `[1][3]`, `[2-3]` → `[2][3]`) with every number kept,
 *   even ones beyond the passages list: judging them is the grounding check's job.
 * - Lines (and Markdown list items) are sentences of their own; within a line, a sentence ends at
 *   `.`/`!`/`?` (and any markers after it) followed by a capital, digit or opening quote, except after
 *   abbreviations and initials ("U.S.", "Donald J. Trump").
 * - Clauses are split at ";", at ", and" (unless the comma belongs to a list: "Toyota, Mazda, and Denso")
 *   and after a marker followed by "and" or a comma ("…ports [1] and trade [2]").
 */
export function splitReply(reply: string): ReplySentence[] {
  const normalised = checkCitationMarkers(reply, Number.MAX_SAFE_INTEGER)
    .text // Japanese sentences end at 。！？ (with any markers after them), whatever follows.
    .replace(/([。！？])((?:\s*\[\d+\])*)/gu, '$1$2\n');
  const sentences: ReplySentence[] = [];
  for (const rawLine of normalised.split(/\n+/)) {
    const line = rawLine.replace(LIST_ITEM, '').trim();
    if (line === '') continue;
    for (const sentence of splitLine(line)) {
      sentences.push({ text: sentence, claims: splitClauses(sentence) });
    }
  }
  return sentences;
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(line); match !== null; match = BOUNDARY.exec(line)) {
    const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const candidate = line.slice(start, match.index + (match[1]?.length ?? 0));
    if (isAbbreviationEnd(candidate)) continue;
    sentences.push(line.slice(start, end).trim());
    start = BOUNDARY.lastIndex;
  }
  const rest = line.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

// "J." (an initial), "U.S.", "Mr.", "Dr.": a full stop that does not end a sentence.
function isAbbreviationEnd(candidate: string): boolean {
  return /(?:^|[\s(])(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|e\.g|i\.e)\.$/u.test(
    candidate,
  );
}

/** Where a clause may end: "; ", ", and ", or a marker run followed by " and" or ",". */
const CLAUSE_JOINT = /;\s+|,\s+and\s+|(?<=\])(?:,?\s+and\s+|,\s+)/g;

function splitClauses(sentence: string): Claim[] {
  const pieces: { text: string; joint: string }[] = [];
  let start = 0;
  CLAUSE_JOINT.lastIndex = 0;
  for (let match = CLAUSE_JOINT.exec(sentence); match !== null; match = CLAUSE_JOINT.exec(sentence)) {
    const left = sentence.slice(start, match.index);
    const joint = match[0];
    // ", and" inside a list ("investment, hiring, and workforce development") joins list items, not clauses.
    if (/^,\s+and/.test(joint) && !left.endsWith(']') && isListFragment(left)) continue;
    pieces.push({ text: left, joint });
    start = match.index + joint.length;
  }
  pieces.push({ text: sentence.slice(start), joint: '' });

  const drafts = pieces
    .map(({ text }) => ({ text: text.trim(), markers: markersOf(text) }))
    .filter((draft) => bodyOf(draft.text) !== '' || draft.markers.length > 0);
  // A marker run left alone by a split ("X, [1]") belongs to the clause before it.
  const merged: { text: string; markers: number[] }[] = [];
  for (const draft of drafts) {
    const previous = merged.at(-1);
    if (bodyOf(draft.text) === '' && previous !== undefined) {
      previous.text = `${previous.text} ${draft.text}`;
      previous.markers = distinct([...previous.markers, ...draft.markers]);
    } else {
      merged.push({ ...draft });
    }
  }

  return merged.map((draft, index) => {
    const own = draft.markers.length > 0;
    const borrowed =
      merged.slice(index + 1).find((other) => other.markers.length > 0)?.markers ??
      merged
        .slice(0, index)
        .reverse()
        .find((other) => other.markers.length > 0)?.markers ??
      [];
    return {
      text: draft.text,
      body: bodyOf(draft.text),
      markers: own ? draft.markers : borrowed,
      ownMarkers: own,
    };
  });
}

/**
 * True when the text before ", and" ends in a list: it holds another comma and every comma-separated
 * item since the last clause break is short ("Toyota, Mazda, Honda"; "Through rigorous investment, hiring").
 */
function isListFragment(left: string): boolean {
  const items = left.split(',');
  if (items.length < 2) return false;
  return items.every((item) => item.trim().split(/\s+/).length <= 4);
}

/** The clause with its markers, a leading conjunction and closing punctuation removed. */
export function bodyOf(text: string): string {
  return text
    .replace(MARKER, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim()
    .replace(/^(?:and|but|while)\s+/i, '')
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
}

function markersOf(text: string): number[] {
  return distinct([...text.matchAll(MARKER)].map((match) => Number(match[1])));
}

function distinct(numbers: readonly number[]): number[] {
  return [...new Set(numbers)];
}

/** True when `text` starts with a run of markers (used when streaming: they belong to the sentence before). */
export function startsWithMarkers(text: string): boolean {
  return MARKER_RUN.test(text);
}
