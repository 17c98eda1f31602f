/**
 * The words of the clauses in which the asker speaks of themselves ("can someone summarize the 2019 sheet,
 * i don't have time to read it before the council meeting" → i, don't, have, time, read, it, council,
 * meeting): their circumstances, not the topic of what they ask for. Lower-case word tokens; empty when no
 * clause opens with a first-person word. Written for Kizuna from common chat usage.
 */
export function askerClauseWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const clause of text.split(CLAUSE_BREAK)) {
    if (!FIRST_PERSON_OPENING.test(clause)) continue;
    for (const word of clause.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [])
      words.add(word.replace(/['’]/gu, ''));
  }
  return words;
}

/** Where a clause ends: punctuation, a dash, or a conjunction that starts a new clause. */
const CLAUSE_BREAK = /[,;:.!?()—–]+|\s-\s|\b(?:but|because|cause|cuz|coz|so|and)\b/iu;

/** A clause whose subject is the asker: "i don't have time…", "I ain't got all day", "my son is…", "we're…". */
const FIRST_PERSON_OPENING =
  /^\W*(?:(?:ok|okay|well|honestly|tbh|lol|cuz|bc)\s+)?(?:i|i'm|im|i’m|i've|ive|i’ve|i'll|i’ll|i'd|i’d|we|we're|were|we’re|we've|my|our|me)\b/iu;
