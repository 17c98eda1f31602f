import type { Passage, Quotation } from '../types.js';
import { createSpeakerResolver, findPersonMentions, type PersonMention } from './person-mentions.js';
import { findQuotedSpans, parseWholeLineQuotation, type QuotedSpan } from './quoted-spans.js';
import { createStableIdAssigner } from './stable-id.js';

/**
 * Verbs that introduce someone's words. Naming verbs ("means", "called", "known as") are deliberately
 * absent: `the new Imperial Era of "Reiwa,"which means "beautiful harmony."` quotes no one.
 */
const SPEECH_VERBS = `
  said says saying stated stating remarked remarking declared declares declaring noted noting
  praised praises praising vowed vows vowing pledged pledges pledging promised promising added adding
  told tells telling wrote writes explained explaining emphasized emphasizing stressed stressing
  announced announcing affirmed affirming commented observed proclaimed tweeted hailed lauded
  insisted insisting asserted warned warning acknowledged recalled exclaimed replied responded
  described describing`
  .trim()
  .split(/\s+/);
const SPEECH_VERB = new RegExp(String.raw`\b(?:${SPEECH_VERBS.join('|')})\b`, 'g');
/** How far a quotation may follow its verb ("praised Prime Minister Abe as a "…""): a clause, not a paragraph. */
const MAX_WORDS_FROM_VERB_TO_QUOTE = 12;
// A sentence ends at . ! ? followed by space, except after a capital ("Donald J. Trump", "U.S. Trade").
const SENTENCE_END = /(?<![A-Z])[.!?]["”’)]?\s+/g;

/**
 * Finds every quotation in a document's passages, with its speaker:
 * - whole-line: `"…" – President Donald J. Trump` (any dash; the closing mark may be missing);
 * - inline: quoted words introduced by a speech verb, spoken by the nearest person mentioned before
 *   that verb in the same sentence ("President Trump has praised Prime Minister Abe as a "…"" is Trump's).
 * Speakers are given by the fullest name the document uses for them ("President Trump" → "President Donald J. Trump").
 */
export function extractQuotations(documentId: string, passages: readonly Passage[]): Quotation[] {
  const mentionsByPassage = new Map(
    passages.map((passage) => [passage.id, findPersonMentions(passage.text)]),
  );
  const resolveSpeaker = createSpeakerResolver([...mentionsByPassage.values()].flat());
  const idFor = createStableIdAssigner(documentId, 'quote-');
  const quotations: Quotation[] = [];
  const add = (passage: Passage, speaker: string, text: string, form: Quotation['form']): void => {
    quotations.push({
      id: idFor(text),
      speaker,
      text,
      passageId: passage.id,
      documentId,
      section: passage.section,
      form,
    });
  };

  for (const passage of passages) {
    const mentions = mentionsByPassage.get(passage.id) ?? [];
    const wholeLine = parseWholeLineQuotation(passage.text);
    if (wholeLine !== undefined) {
      const [attributed] = findPersonMentions(wholeLine.attribution);
      add(
        passage,
        attributed === undefined ? wholeLine.attribution : resolveSpeaker(attributed),
        wholeLine.text,
        'whole-line',
      );
      continue;
    }
    const spans = findQuotedSpans(passage.text);
    for (const span of spans) {
      const speaker = findInlineSpeaker(passage.text, span, spans, mentions);
      if (speaker !== undefined && span.text.trim() !== '')
        add(passage, resolveSpeaker(speaker), span.text, 'inline');
    }
  }
  return quotations;
}

/** The person whose words `span` quotes, or undefined when no speech verb introduces it. */
function findInlineSpeaker(
  text: string,
  span: QuotedSpan,
  spans: readonly QuotedSpan[],
  mentions: readonly PersonMention[],
): PersonMention | undefined {
  const sentenceStart = startOfSentence(text, span.start);
  // Words inside earlier quotations belong to someone else's speech, not to this attribution.
  const outsideQuotes = (start: number, end: number): boolean =>
    !spans.some((other) => other !== span && start < other.end && end > other.start);
  const verbs = [...text.slice(sentenceStart, span.start).matchAll(SPEECH_VERB)]
    .map((match) => ({
      start: sentenceStart + match.index,
      end: sentenceStart + match.index + match[0].length,
    }))
    .filter((verb) => outsideQuotes(verb.start, verb.end));
  const verb = verbs.at(-1);
  if (verb === undefined) return undefined;
  const wordsBetween = text
    .slice(verb.end, span.start)
    .split(/\s+/)
    .filter((word) => word !== '').length;
  if (wordsBetween > MAX_WORDS_FROM_VERB_TO_QUOTE) return undefined;
  return mentions
    .filter(
      (mention) =>
        mention.start >= sentenceStart &&
        mention.end <= verb.start &&
        outsideQuotes(mention.start, mention.end),
    )
    .at(-1);
}

function startOfSentence(text: string, offset: number): number {
  let start = 0;
  for (const match of text.slice(0, offset).matchAll(SENTENCE_END)) start = match.index + match[0].length;
  return start;
}
