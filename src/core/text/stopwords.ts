/**
 * Words that carry no topic: function words, plus the words people wrap a question in ("what did…",
 * "tell me about…"). Removing them keeps retrieval on the topic and keeps "missing term" checks from
 * complaining that the fact sheets never say "explain".
 */

/** Common English function words (articles, pronouns, auxiliaries, prepositions, conjunctions). */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren arent as at be because been before being
  below between both but by can cannot cant could couldn couldnt d did didn didnt do does doesn doesnt doing
  don dont down during each either else ever few for from further had hadn hadnt has hasn hasnt have haven
  havent having he hed hes her here heres hers herself him himself his i id ill im ive if in into is isn isnt
  it its itself just ll m me might mightn more most must mustn mustnt my myself neither no nor not now o of
  off on once only or other others otherwise our ours ourselves out over own re s same shall shan she shed
  shes should shouldn shouldnt so some such t than that thats the their theirs them themselves then there
  theres these they theyd theyll theyre theyve this those through thus to too under until up upon us ve
  very was wasn wasnt we wed well were weren werent weve whatever whenever wherever whether while will with
  won wont would wouldn wouldnt y yet you youd youll your youre yours yourself yourselves youve also
  among within without via per`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Question and request wording: interrogatives and the verbs and fillers that frame a question rather
 * than name its topic.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  `what whats who whos whom whose which when where wheres why how hows does did do done tell me please
  explain describe say says said mention mentioned mentions know many much anything something thing things
  give list kind sort way ways regarding concerning type types`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const ALL_STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH_STOPWORDS, ...QUESTION_WORDS]);

/** True for a token (as produced by `tokenize`) that carries no topic. */
export function isStopword(token: string): boolean {
  return ALL_STOPWORDS.has(token);
}
