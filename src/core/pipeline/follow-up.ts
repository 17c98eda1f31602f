import type { ConversationTurn } from '../types.js';
import { contentTerms } from '../text/content-terms.js';
import { splitSentences } from '../answer/split-sentences.js';

/**
 * Words that lean on an earlier turn: "it", "that", "what about…", "and…", "tell me more", "there" as a
 * place ("what did he do there?") but not the "there" of "is there anything about…".
 */
const LEANS_ON_CONTEXT =
  /^\W*(and|but|also|so|then|what about|how about|and what|what else|why|how come|more|same|ok and|okay and|ok so|okay so)\b|\bthen\W*$|\b(it|its|that|this|those|these|they|them|their|he|him|she|his|her|the same|the other|else|more|besides|another|further|again)\b|(?<!\b(?:is|are|was|were|any|anything|something)\s+)\bthere\b(?!\s+(?:is|are|was|were|any|anything|something)\b)/i;

/** "Tell me more", "any other…?", "what else": the person wants what was not said yet. */
const ASKS_FOR_MORE = /\b(more|other|others|else|another|besides|further|additional|again)\b/i;

/**
 * A question is a follow-up when there is a conversation and it leans on it ("when was that?", "and in
 * 2019?", "tell me more") or names no topic of its own. A short question with its own subject ("What is
 * OPIC?") stands alone, however short.
 *
 * @param ownTopicTerms - how many of the question's topic words the sheets use (exactly, misspelt or paraphrased).
 */
export function isFollowUp(
  question: string,
  history: readonly ConversationTurn[],
  ownTopicTerms: number,
): boolean {
  if (STARTS_AFRESH.test(question)) return false;
  return (
    hasEarlierQuestion(history) &&
    (ownTopicTerms === 0 || LEANS_ON_CONTEXT.test(question) || narrowsLastQuestion(question, history))
  );
}

/** Most words in a question that narrows the last one ("which companies?", "what jobs exactly?"). */
const NARROWING_WORDS = 4;

/**
 * "which companies?" after "how many jobs do japanese companies support?", "which regions?" after an answer
 * that said "in several regions": a short question whose every topic word the last question or the last
 * answer used asks about that subject, not afresh. "What is OPIC?" after a question and answer about Reiwa
 * stands alone.
 */
function narrowsLastQuestion(question: string, history: readonly ConversationTurn[]): boolean {
  const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > NARROWING_WORDS) return false;
  const own = contentTerms(question);
  if (own.length === 0) return false;
  const lastOf = (role: ConversationTurn['role']) =>
    [...history].reverse().find((turn) => turn.role === role);
  return [lastOf('user'), lastOf('assistant')].some((turn) => {
    if (turn === undefined) return false;
    const earlier = new Set(contentTerms(turn.text));
    return own.every((term) => earlier.has(term));
  });
}

/**
 * "separate thing — are they doing any energy work in africa?", "diff q:", "unrelated, but…": the person
 * says the question is new, so "they" means the sheets' usual parties, not the last answer's subject.
 */
const STARTS_AFRESH =
  /^\W*(?:(?:ok|okay|also|btw|and|so|hey)[\s,]+)?(?:(?:a|one|another|totally|completely|kinda)\s+)?(?:(?:separate|different|diff|unrelated|new|random|other|off[\s-]topic)\s+(?:thing|question|q|topic)\b|(?:separate|different|diff|unrelated|random|off[\s-]topic)\s*(?:[-—–:,.!]|but\b))/iu;

/** True when there is a conversation and the question uses words that point back into it ("it", "and…"). */
export function leansOnConversation(question: string, history: readonly ConversationTurn[]): boolean {
  return hasEarlierQuestion(history) && LEANS_ON_CONTEXT.test(question);
}

function hasEarlierQuestion(history: readonly ConversationTurn[]): boolean {
  return history.some((turn) => turn.role === 'user');
}

/** True when the person already asked this very question in the conversation (case and punctuation aside). */
export function isRepeated(question: string, history: readonly ConversationTurn[]): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const asked = plain(question);
  return history.some((turn) => turn.role === 'user' && plain(turn.text) === asked);
}

/** True for "tell me more", "any other drills?", "what else": answers should prefer what was not said. */
export function asksForMore(question: string): boolean {
  return ASKS_FOR_MORE.test(question);
}

/**
 * The follow-up made to stand alone without a model: the person's previous question with a topic is
 * appended, so retrieval sees both topics. It is the person's own last one that has a topic
 * (`hasTopic`), skipping earlier follow-ups such as "tell me more" (history holds only their turns and
 * Kizuna's answers to them); when that one names nothing (`namesSomething`: "when did they sign it?"),
 * the topical question before it is appended too.
 */
export function standaloneQuestion(
  question: string,
  history: readonly ConversationTurn[],
  hasTopic: (text: string) => boolean = () => true,
  namesSomething: (text: string) => boolean = () => true,
): string {
  const earlier = [...history]
    .reverse()
    .filter((turn) => turn.role === 'user' && turn.text.trim() !== question);
  // "what did OPIC sign?" → "tell me more" → "who with?": the topic is OPIC, two questions back.
  const topical = earlier.filter((turn) => hasTopic(turn.text));
  const previous = topical[0] ?? earlier[0];
  if (previous === undefined) return question;
  // "what is OPIC?" → "when did they sign it?" → "who with?": the last topic names nothing ("sign"), so
  // the one before it, which names OPIC, comes too.
  const before = namesSomething(previous.text) ? undefined : topical[1];
  return [question, previous.text.trim(), ...(before === undefined ? [] : [before.text.trim()])].join(' ');
}

/**
 * The sentences Kizuna's answers in the conversation said, as the passages would contain them: what
 * "tell me more" should not repeat. Every answer counts, not only the last: after "how many jobs?" →
 * "when was that?", "tell me more" must not give the jobs sentence again.
 */
export function saidSentences(history: readonly ConversationTurn[]): string[] {
  return history
    .filter((turn) => turn.role === 'assistant')
    .flatMap((turn) =>
      // Split as passages are, so "U.S. Joint Strike Fighters…" stays one sentence.
      splitSentences(turn.text.replace(/\s*\[\d+\]/g, ''))
        .map((sentence) => sentence.replace(/[.!?]+$/, '').trim())
        .filter((sentence) => sentence.length >= 30),
    );
}
