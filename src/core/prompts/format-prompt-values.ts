import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import type { ConversationTurn } from '../types.js';

/** What `{history}` says when there are no earlier turns. */
export const NO_HISTORY = '(none)';

/**
 * Renders retrieved passages for `{passages}`: numbered from 1 in the order given (marker n is
 * `passages[n - 1]`), each headed by its fact sheet, date and section so the model can mention them.
 */
export function formatPassagesForPrompt(passages: readonly RetrievedPassage[]): string {
  return passages
    .map(({ passage, document }, index) => {
      const section = passage.section.trim() === '' ? '' : ` — ${passage.section}`;
      return `[${index + 1}] ${document.title} (${document.displayDate})${section}\n${passage.text}`;
    })
    .join('\n\n');
}

export interface FormatHistoryOptions {
  /**
   * Only the most recent turns are kept: follow-ups refer to what was just said, and the prompt stays small.
   * @default 6
   */
  readonly maxTurns?: number;
  /**
   * Longer turns are cut (with an ellipsis).
   * @default 1000
   */
  readonly maxCharsPerTurn?: number;
}

/**
 * Renders earlier turns for `{history}`, oldest first, as `User:` / `Kizuna:` lines.
 * Citation markers are removed from earlier answers: their numbers referred to that answer's passages,
 * not to the ones in this prompt, and leaving them would invite wrong citations.
 */
export function formatHistoryForPrompt(
  history: readonly ConversationTurn[],
  options: FormatHistoryOptions = {},
): string {
  const maxTurns = options.maxTurns ?? 6;
  const maxChars = options.maxCharsPerTurn ?? 1000;
  const recent = maxTurns > 0 ? history.slice(-maxTurns) : [];
  const lines = recent
    .map((turn) => {
      const text = (turn.role === 'assistant' ? stripCitationMarkers(turn.text) : turn.text)
        .replace(/\s+/g, ' ')
        .trim();
      const clipped = text.length > maxChars ? `${text.slice(0, maxChars).trimEnd()}…` : text;
      return clipped === '' ? undefined : `${turn.role === 'user' ? 'User' : 'Kizuna'}: ${clipped}`;
    })
    .filter((line): line is string => line !== undefined);
  return lines.length > 0 ? lines.join('\n') : NO_HISTORY;
}

function stripCitationMarkers(text: string): string {
  return text.replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, '');
}
