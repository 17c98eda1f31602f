import type { AskedFor } from './question-shape.js';

/**
 * Every sentence Kizuna itself writes around the sheets' words, in one place (the sheets' sentences are
 * quoted, never reworded). Missing terms are shown as the person typed them, after markup was removed.
 */

/** "I answer only from …": the scope, sized to the knowledge. */
function scope(documentCount: number): string {
  return `I answer only from the ${documentCount === 2 ? 'two ' : ''}White House fact sheets on the U.S.–Japan alliance.`;
}

/**
 * The honest "not covered" answer. When the question names something the sheets never mention, say
 * what: a person learns more from "they don't mention the Trans-Pacific Partnership" than from a shrug.
 */
export function notCoveredReply(missing: readonly string[], documentCount: number): string {
  if (missing.length === 0) return `The fact sheets don't cover that. ${scope(documentCount)}`;
  return `The fact sheets don't mention ${joinWithOr(namePhrases(missing))}. ${scope(documentCount)}`;
}

const UNSTATED: Record<AskedFor, string> = {
  quantity: "The fact sheets don't give that number.",
  when: "The fact sheets don't say when.",
  who: "The fact sheets don't say who.",
  where: "The fact sheets don't say where.",
};

/**
 * The lead of a "closest match" reply: what the sheets don't say, before the closest passage.
 * e.g. "The fact sheets don't say anything about “city”. The closest they come:"
 */
export function relatedLead(missing: readonly string[], unstated: AskedFor | undefined): string {
  const what =
    missing.length > 0
      ? `The fact sheets don't say anything about ${joinWithOr(namePhrases(missing))}.`
      : unstated !== undefined
        ? UNSTATED[unstated]
        : "The fact sheets don't answer that exactly.";
  return `${what} The closest they come:`;
}

/** The answer when a question names no topic at all ("what?", "tell me more" with nothing before it). */
export function noTopicReply(): string {
  return 'Could you say what you would like to know? For example: “How many American jobs do Japanese companies support?”';
}

/** The reply to conversation ("thanks!", "hi", "help"): friendly, with examples of what to ask. */
export function chitChatReply(): string {
  return 'Hi! I answer questions about the U.S.–Japan alliance from White House fact sheets, with sources. Try “What does Reiwa mean?” or “How many American jobs do Japanese companies support?”';
}

/** The lead of an overview, naming the sheet(s) it covers. */
export function overviewLead(sheetNames: readonly string[], topical: boolean): string {
  const sheets = sheetNames.length === 1 ? `the ${sheetNames[0]} fact sheet` : 'the fact sheets';
  return topical
    ? `What ${sheets} say on that, section by section:`
    : `What ${sheets} cover${sheetNames.length === 1 ? 's' : ''}, section by section:`;
}

function namePhrases(missing: readonly string[]): string[] {
  return missing
    .slice(0, 3)
    .map((phrase) => (/^\p{Lu}|^the\s/u.test(phrase) || /^\d/.test(phrase) ? phrase : `“${phrase}”`));
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
