import type { APIEmbed, APIEmbedField } from 'discord.js';

import { messages, type MessageCatalogue } from '../../core/language/messages.js';
import type { Answer, Citation } from '../../core/types.js';
import { answerStyle } from './answer-style.js';
import { DiscordLimits } from './discord-limits.js';
import { fitText, splitText } from './fit-text.js';
import { embedLength, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { passageButtonRows } from './passage-buttons.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** How {@link formatAnswerMessages} presents an answer. */
export interface AnswerMessageOptions {
  /** The question as the person asked it, shown as the title. @default answer.question */
  readonly question?: string;
  /** Most messages one answer may take; a longer answer is trimmed with "…". @default 3 */
  readonly maxMessages?: number;
}

/** Name of the embed field(s) that list an answer's sources, in English. */
export const SOURCES_FIELD_NAME = messages('en').sources;

/**
 * Turns an answer into one or more Discord messages: the text with its inline `[n]` markers in embed
 * descriptions (split at natural boundaries when long, line breaks of an overview's "• " lines kept), a
 * sources section (fact sheet title, date, section) and one button per citation to show the exact passage.
 * Every citation is shown, whatever the outcome: a `related` answer cites the closest passage it quotes.
 * Labels are in the answer's own language. Every piece is within Discord's limits.
 */
export function formatAnswerMessages(answer: Answer, options: AnswerMessageOptions = {}): OutgoingMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? 3);
  const say = messages(answer.language);
  const question = neutralizeMentions((options.question ?? answer.question).trim());
  const citations = uniqueCitations(answer.citations);
  const { color, footer: footerText } = answerStyle(answer, say);

  const text = neutralizeMentions(answer.text.trim()) || say.noAnswerText;
  const chunks = splitText(
    fitText(text, maxMessages * DiscordLimits.embedDescription),
    DiscordLimits.embedDescription,
  );
  const embeds: APIEmbed[] = chunks.map((chunk, index) => ({
    ...(index === 0 && question ? { title: fitText(question, DiscordLimits.embedTitle) } : {}),
    description: chunk,
    color,
  }));

  const footer = footerText === undefined ? {} : { footer: { text: footerText } };
  const sourceFields = sourcesFields(citations, say);
  const last = embeds[embeds.length - 1] ?? { color };
  const withSources: APIEmbed = { ...last, fields: sourceFields, ...footer };
  const outgoing: OutgoingMessage[] = embeds.slice(0, -1).map((embed) => message(embed));
  if (embedLength(withSources) <= DiscordLimits.embedTotal) {
    outgoing.push(message(withSources));
  } else {
    outgoing.push(message(last));
    outgoing.push(message({ title: say.sources, fields: sourceFields, ...footer, color }));
  }

  const buttons = passageButtonRows(
    citations.map((citation) => ({
      label: say.passageButton(citation.marker),
      passageId: citation.passageId,
    })),
  );
  const final = outgoing[outgoing.length - 1];
  if (final && buttons.length > 0) final.components = buttons;
  return outgoing;
}

function message(embed: APIEmbed): OutgoingMessage {
  return { embeds: [fitEmbed(embed)], allowedMentions: noMentions() };
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const byMarker = new Map<number, Citation>();
  for (const citation of citations)
    if (!byMarker.has(citation.marker)) byMarker.set(citation.marker, citation);
  return [...byMarker.values()].sort((a, b) => a.marker - b.marker);
}

/** One line per citation, packed into as few fields as the 1024-character field limit allows. */
function sourcesFields(citations: readonly Citation[], say: MessageCatalogue): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length === 0) return;
    fields.push({
      name: fields.length === 0 ? say.sources : say.sourcesContinued,
      value: lines.join('\n'),
    });
    lines = [];
  };
  for (const citation of citations) {
    const line = fitText(neutralizeMentions(citationLine(citation, say)), DiscordLimits.embedFieldValue);
    if ([...lines, line].join('\n').length > DiscordLimits.embedFieldValue) flush();
    lines.push(line);
  }
  flush();
  return fields.slice(0, DiscordLimits.embedFields);
}

/** "[1] *Title* — May 25, 2019 — SHARED PROSPERITY" (the sheets' own title, date and heading stay English). */
export function citationLine(citation: Citation, say: MessageCatalogue = messages('en')): string {
  const section = citation.section.trim() || say.openingQuotation;
  return `[${citation.marker}] *${citation.title}* — ${citation.displayDate} — ${section}`;
}
