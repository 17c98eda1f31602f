import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import type { MessageCatalogue, UnstatedFact } from '../language/messages.js';
import { citationFor, type KnowledgeState } from '../service/knowledge-state.js';
import type { AnswerOutcome, Citation, Passage } from '../types.js';
import { closestSentence, type OverviewLine } from './compose.js';
import { splitSentences } from '../answer/split-sentences.js';

/** What a reply is made of, before the service stamps it with the question and the time taken. */
export interface Reply {
  readonly outcome: AnswerOutcome;
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly missingTerms: readonly string[];
  readonly answerer: string;
  /** Why a model's answer was replaced by the offline one, when it was. */
  readonly fallbackReason?: string;
}

/** A reply with no passages: chit-chat, "what would you like to know?", unsupported language. */
export function plainReply(outcome: AnswerOutcome, text: string): Reply {
  return { outcome, text, citations: [], missingTerms: [], answerer: 'kizuna' };
}

/** The honest refusal naming what the sheets never mention. */
export function notCoveredReply(
  messages: MessageCatalogue,
  missing: readonly string[],
  documentCount: number,
): Reply {
  return { ...plainReply('not-covered', messages.refusal(missing, documentCount)), missingTerms: missing };
}

/**
 * The "closest match" reply: what the sheets don't say, then the closest passage's best sentence, cited
 * as [1]. `answered` stays false: it is shown as related, not as an answer.
 */
export function relatedReply(
  state: KnowledgeState,
  messages: MessageCatalogue,
  closest: RetrievedPassage | undefined,
  question: string,
  missing: readonly string[],
  unstated: UnstatedFact | undefined,
  answerer = 'kizuna',
): Reply {
  const citation = closest === undefined ? undefined : citationFor(state, closest.passage, 1);
  if (closest === undefined || citation === undefined) {
    return notCoveredReply(messages, missing, state.knowledge.documents.length);
  }
  const sentence = closestSentence(closest.passage, question);
  return {
    outcome: 'related',
    text: `${messages.closestPassage(missing, unstated)} ${sentence} [1]`,
    citations: [citation],
    missingTerms: missing,
    answerer,
  };
}

/**
 * Where the last answer came from ("which sheet is that from?"): the sheet and section of the passage it
 * quoted, then that passage's opening sentence, cited. Undefined when no passage of the knowledge opens
 * inside the last answer.
 */
export function sourceOfLastAnswerReply(
  state: KnowledgeState,
  messages: MessageCatalogue,
  lastAnswer: string,
): Reply | undefined {
  const quoted = passageQuotedFirst(state, lastAnswer);
  const citation = quoted === undefined ? undefined : citationFor(state, quoted, 1);
  if (quoted === undefined || citation === undefined) return undefined;
  const sheet = state.documentsById.get(quoted.documentId)?.displayDate ?? quoted.documentId;
  return {
    outcome: 'answered',
    text: `${messages.sourceOfLastAnswer(sheet, quoted.section === '' ? undefined : quoted.section)} ${splitSentences(quoted.text)[0] ?? quoted.text} [1]`,
    citations: [citation],
    missingTerms: [],
    answerer: 'kizuna',
  };
}

/** The passage of the knowledge an answer quotes first (the one it leads with), if any. */
export function passageQuotedFirst(state: KnowledgeState, answer: string): Passage | undefined {
  let quoted: Passage | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const passage of state.knowledge.passages) {
    const position = answer.indexOf(passage.text.slice(0, QUOTED_OPENING));
    if (position >= 0 && position < at) [quoted, at] = [passage, position];
  }
  return quoted;
}

/** How much of a passage's opening an answer must hold to have quoted it (characters). */
const QUOTED_OPENING = 60;

/**
 * The sheet asked about never mentions the subject, another sheet does: say so, then that sheet's
 * closest sentence, cited (`related`: the named sheet does not answer). Without such a passage, a refusal.
 */
export function otherSheetReply(
  state: KnowledgeState,
  messages: MessageCatalogue,
  closest: RetrievedPassage | undefined,
  question: string,
  missing: readonly string[],
  askedDocumentIds: readonly string[],
): Reply {
  const citation = closest === undefined ? undefined : citationFor(state, closest.passage, 1);
  if (closest === undefined || citation === undefined) {
    return notCoveredReply(messages, missing, state.knowledge.documents.length);
  }
  const asked = askedDocumentIds.map((id) => state.documentsById.get(id)?.displayDate ?? id);
  const sentence = closestSentence(closest.passage, question);
  return {
    outcome: 'related',
    text: `${messages.otherSheet(asked, missing, closest.document.displayDate)} ${sentence} [1]`,
    citations: [citation],
    missingTerms: missing,
    answerer: 'kizuna',
  };
}

/** An overview: the lead naming the sheets, then one cited line per section. */
export function overviewReply(
  state: KnowledgeState,
  messages: MessageCatalogue,
  lines: readonly OverviewLine[],
  topical: boolean,
): Reply {
  const citations: Citation[] = [];
  const body = lines.map((line, index) => {
    const citation = citationFor(state, line.passage, citations.length + 1);
    if (citation !== undefined) citations.push(citation);
    // A section's name heads its first line only, when a topic overview gives several lines of it.
    const previous = lines[index - 1]?.passage;
    const sameSection =
      previous !== undefined &&
      previous.documentId === line.passage.documentId &&
      previous.section === line.passage.section;
    return `• ${sameSection ? '' : sectionLabel(line.passage)}${line.sentence} [${citations.length}]`;
  });
  const sheets = [...new Set(lines.map((line) => line.passage.documentId))].map(
    (id) => state.documentsById.get(id)?.displayDate ?? id,
  );
  return {
    outcome: 'answered',
    text: [messages.overviewLead(sheets, topical), ...body].join('\n'),
    citations,
    missingTerms: [],
    answerer: 'overview',
  };
}

/**
 * An answer from the answerer's draft: markers renumbered in order of appearance ([1], [2]…), markers
 * pointing at nothing dropped, and the language's lead-in before the sheets' own sentences.
 * Undefined when no marker is left (nothing in the draft can be checked against a passage).
 */
export function answeredReply(
  state: KnowledgeState,
  messages: MessageCatalogue,
  draftText: string,
  passages: readonly RetrievedPassage[],
  answerer: string,
  leadIn: string,
): Reply | undefined {
  const { text, citations } = renumberCitations(state, draftText, passages);
  if (citations.length === 0) return undefined;
  return {
    outcome: 'answered',
    text: leadIn === '' ? text : `${leadIn}\n${text}`,
    citations,
    missingTerms: [],
    answerer,
  };
}

/** "SHARED PROSPERITY" → "Shared Prosperity: "; nothing for the opening quotation. */
function sectionLabel(passage: Passage): string {
  if (passage.section === '') return '';
  const title = passage.section
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
  return `${title}: `;
}

/**
 * Markers in a draft refer to positions in the retrieved list; a reader wants [1], [2]… in order of
 * appearance. Markers pointing at nothing are dropped rather than shown.
 */
export function renumberCitations(
  state: KnowledgeState,
  text: string,
  passages: readonly RetrievedPassage[],
): { text: string; citations: Citation[] } {
  const markerFor = new Map<number, number>();
  const citations: Citation[] = [];
  const renumbered = text.replace(/\s?\[(\d+)\]/g, (_match, raw: string) => {
    const retrieved = passages[Number(raw) - 1];
    if (retrieved === undefined) return '';
    let marker = markerFor.get(Number(raw));
    if (marker === undefined) {
      marker = citations.length + 1;
      const citation = citationFor(state, retrieved.passage, marker);
      if (citation === undefined) return '';
      markerFor.set(Number(raw), marker);
      citations.push(citation);
    }
    return ` [${marker}]`;
  });
  return { text: renumbered.trim(), citations };
}
