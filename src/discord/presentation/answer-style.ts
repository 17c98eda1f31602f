import type { MessageCatalogue } from '../../core/language/messages.js';
import { formatFallbackNote } from '../../core/models/fallback-reason.js';
import type { Answer } from '../../core/types.js';
import { EmbedColors } from './outgoing-message.js';

/**
 * Footer of a `related` answer. Not in the core's catalogue yet, so kept here with both languages.
 * TODO(core): move into `MessageCatalogue` (e.g. `relatedFooter(answerer)`), then read it from there.
 */
const RELATED_FOOTER: Readonly<Record<MessageCatalogue['language'], (answerer: string) => string>> = {
  en: (answerer) => `Not an exact answer: the closest passage in the fact sheets · ${answerer}`,
  ja: (answerer) => `直接の答えではありません：ファクトシートで最も近い記述 · ${answerer}`,
};

/** How an answer looks: its embed colour, and the footer that says what kind of reply it is. */
export interface AnswerStyle {
  readonly color: number;
  /** Undefined for replies that are not about the sheets at all (small talk, "what would you like to know?"). */
  readonly footer: string | undefined;
}

/**
 * Colour and footer by outcome: answers in the answer colour; a `related` answer in its own colour, saying
 * it is the closest passage rather than an answer (its source is still shown); refusals in grey, naming
 * what the sheets never mention; small talk, unclear and unsupported-language replies get no footer,
 * because "not covered by the fact sheets" would be wrong for "thanks!". An answer that stands in for a
 * model's (`fallbackReason`) says so first, whatever its outcome.
 */
export function answerStyle(answer: Answer, say: MessageCatalogue): AnswerStyle {
  const style = outcomeStyle(answer, say);
  if (answer.fallbackReason === undefined) return style;
  // TODO(core): the note is English only; a `fallbackNote(reason)` in `MessageCatalogue` would localise it.
  const note = formatFallbackNote(answer.fallbackReason);
  return { ...style, footer: style.footer === undefined ? note : `${note}\n${style.footer}` };
}

function outcomeStyle(answer: Answer, say: MessageCatalogue): AnswerStyle {
  switch (answer.outcome) {
    case 'answered':
      return { color: EmbedColors.answer, footer: say.answeredFooter(answer.answerer) };
    case 'related':
      return { color: EmbedColors.related, footer: RELATED_FOOTER[say.language](answer.answerer) };
    case 'not-covered':
      return {
        color: EmbedColors.refusal,
        footer: say.notCoveredFooter(answer.missingTerms, answer.answerer),
      };
    default:
      return { color: EmbedColors.refusal, footer: undefined };
  }
}
