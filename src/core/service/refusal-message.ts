/**
 * The honest "not covered" answer. When the question names something the sheets never mention, say
 * what: a person learns more from "they don't mention the Trans-Pacific Partnership" than from a shrug.
 */
export function refusalMessage(missing: readonly string[], documentCount: number): string {
  const scope = `I answer only from the ${documentCount === 2 ? 'two ' : ''}White House fact sheets on the U.S.–Japan alliance.`;
  if (missing.length === 0) return `The fact sheets don't cover that. ${scope}`;
  const named = missing
    .slice(0, 3)
    .map((phrase) => (/^\p{Lu}|^the\s/u.test(phrase) || /^\d/.test(phrase) ? phrase : `“${phrase}”`));
  return `The fact sheets don't mention ${joinWithOr(named)}. ${scope}`;
}

/** The answer when a question names no topic at all ("what?", "tell me more" with nothing before it). */
export function noTopicMessage(): string {
  return 'Could you say what you would like to know? For example: “How many American jobs do Japanese companies support?”';
}

function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
