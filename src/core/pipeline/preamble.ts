/**
 * A message that tells a story and asks at the end ("My brother-in-law runs a press at a parts outfit
 * outside Bowling Green… Roughly how many folks work for Japanese companies here?"), cut into what comes
 * before the question and the question itself. The story's names and places are not what is asked, so the
 * question is read on its own, with the story as the turn before it: a question that leans on it ("Is that
 * done yet?") still gets its subject from it, as a follow-up does.
 *
 * Only a single question closing two or more sentences is cut; a message with a question earlier asks
 * more than one thing and is left whole, as is a message whose last sentence is too short to stand as a
 * question (under {@link MIN_QUESTION_WORDS} words).
 */
export function splitPreamble(text: string): { readonly preamble?: string; readonly question: string } {
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  const question = sentences.at(-1);
  if (sentences.length < 2 || question === undefined || !question.endsWith('?')) return { question: text };
  const before = sentences.slice(0, -1);
  if (before.some((sentence) => sentence.endsWith('?'))) return { question: text };
  if ((question.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUESTION_WORDS) return { question: text };
  return { preamble: before.join(' '), question };
}

/**
 * The end of a sentence: "." after a word of two or more lower-case letters or digits (not "U.S." or
 * "Mr."), or "!" or "?", then space.
 */
const SENTENCE_END = /(?<=[\p{Ll}\p{N}]{2}[.!?]+|[?!]+)\s+/u;

/** Fewest words a closing question needs to be read without what came before ("Is that so?" is not). */
const MIN_QUESTION_WORDS = 5;
