/**
 * A message that tells a story and asks in it ("My brother-in-law runs a press at a parts outfit outside
 * Bowling Green… Roughly how many folks work for Japanese companies here?"; "is japan buyin the f-53 jets?
 * autocorrect keeps changing it sorry"), cut into what comes before the question, the question itself, and
 * what comes after. The story's names and places, and a remark after ("on mobile, not reading all that"),
 * are not what is asked, so the question is read on its own; a question that leans on them ("Is that done
 * yet?") still gets its subject from the whole message.
 *
 * Only a message with exactly one question among two or more sentences is cut; a message with two
 * questions asks more than one thing and is left whole, as is one whose question is too short to stand
 * alone (under {@link MIN_QUESTION_WORDS} words).
 */
export function splitPreamble(text: string): {
  readonly preamble?: string;
  readonly afterword?: string;
  /** The afterword is an impression tacked on with a comma ("…, feels like every week lmao"): never asked. */
  readonly aside?: boolean;
  readonly question: string;
} {
  const tail = IMPRESSION_TAIL.exec(text);
  if (tail !== null) {
    const asked = text.slice(0, tail.index).trim();
    if ((asked.match(/[\p{L}\p{N}]+/gu) ?? []).length >= MIN_QUESTION_WORDS && !asked.includes('?')) {
      return { question: asked, afterword: tail[1]?.trim() ?? '', aside: true };
    }
  }
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  const asking = sentences.filter((sentence) => sentence.endsWith('?'));
  const question = asking[0];
  if (sentences.length < 2 || asking.length !== 1 || question === undefined) return { question: text };
  if ((question.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUESTION_WORDS) return { question: text };
  const at = sentences.indexOf(question);
  const before = sentences.slice(0, at);
  const after = sentences.slice(at + 1);
  // "…the #1 investor in the us?? where do they rank": a second question, typed without its mark.
  if (after.some((sentence) => ASKS.test(sentence))) return { question: text };
  return {
    ...(before.length === 0 ? {} : { preamble: before.join(' ') }),
    ...(after.length === 0 ? {} : { afterword: after.join(' ') }),
    // "…? My obaachan was born in Taishō so the family is curious": the asker's own story, never asked.
    ...(after.length > 0 && after.every((sentence) => TELLS_OF_ONESELF.test(sentence)) ? { aside: true } : {}),
    question,
  };
}

/**
 * The end of a sentence: "." after a word of two or more lower-case letters or digits (not "U.S." or
 * "Mr."), or "!" or "?", then space.
 */
const SENTENCE_END = /(?<=[\p{Ll}\p{N}]{2}[.!?]+|[?!]+)\s+/u;

/** A sentence that opens as a question does, whatever its closing mark. */
const ASKS =
  /^\W*(?:(?:and|so|also|like|or|but|ok|okay)\s+)?(?:what|whats|who|whos|whose|when|where|wher|why|how|which|is|are|was|were|do|does|did|can|could|will|would|has|have|should)\b/iu;

/**
 * An impression added after a comma at the end of a one-sentence question, in the asker's own voice: "how
 * many times have they met, feels like every week lmao", "…, seems like a lot". What it feels like is not
 * what is asked, and its words ("every week") would be searched as if they were.
 */
const IMPRESSION_TAIL = /,\s*((?:(?:it|that|this|which)\s+)?(?:feels|felt|seems|seemed|sounds|looks)\s+like\b[^?]*)$/iu;

/**
 * A sentence about the asker or their people: "My aunt in Niigata still talks about…", "Grandma's hanko
 * still has…", "Ojiichan remembers…", "I heard it was huge", "asking bc my cousin is a contractor".
 */
const TELLS_OF_ONESELF =
  /^\W*(?:(?:so|and|also|btw|lol|haha)[\s,]+)?(?:(?:my|our)\s+\p{L}+|i(?:['’]m|['’]ve|['’]d|\s)|(?:grandma|grandpa|grandmother|grandfather|mom|dad|mother|father|obaachan|ojiichan|okaasan|otousan|baachan|jiichan)(?:['’]s)?\b|asking\s+(?:bc|because|cuz|for)\b)/iu;

/** Fewest words a question needs to be read without the rest of the message ("Is that so?" is not). */
const MIN_QUESTION_WORDS = 5;
