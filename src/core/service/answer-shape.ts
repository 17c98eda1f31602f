import type { RetrievedPassage } from '../answer/answerer.js';
import type { ConversationTurn } from '../types.js';

const ASKS_FOR_QUANTITY =
  /\bhow\s+(many|much|big|large|long|far|often)\b|\bwhat\s+(percentage|share|number|amount)\b/i;
const STATES_QUANTITY =
  /\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|several|numerous|dozen)\b/i;

/**
 * "How many…" is only answered by a passage that states an amount; otherwise the nearest passage about
 * the subject ("troops at Yokota") would be offered as if it gave the number.
 */
export function lacksAskedQuantity(question: string, passages: readonly RetrievedPassage[]): boolean {
  if (!ASKS_FOR_QUANTITY.test(question)) return false;
  return !passages.some((item) => STATES_QUANTITY.test(item.passage.text));
}

const ASKS_FOR_SOMETHING_ELSE = /\b(other|others|else|another|besides|more)\b/i;

/**
 * "Were there any other drills?" wants what the last answer did not say: passages it already quoted
 * move behind the rest.
 */
export function preferUnsaid(
  question: string,
  history: readonly ConversationTurn[],
  passages: readonly RetrievedPassage[],
): RetrievedPassage[] {
  const lastAnswer = [...history].reverse().find((turn) => turn.role === 'assistant')?.text;
  if (lastAnswer === undefined || !ASKS_FOR_SOMETHING_ELSE.test(question)) return [...passages];
  // The last answer's sentences, without markers or end punctuation, as the passages would contain them.
  const sentences = lastAnswer
    .replace(/\s*\[\d+\]/g, '')
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.replace(/[.!?]+$/, '').trim())
    .filter((sentence) => sentence.length >= 30);
  const said = (item: RetrievedPassage) => sentences.some((sentence) => item.passage.text.includes(sentence));
  return [...passages.filter((item) => !said(item)), ...passages.filter(said)];
}
