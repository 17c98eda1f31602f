import { isVerb, isVerbInflection } from './word-senses.js';

/**
 * Restores the "g" people drop in speech and in voice-to-text ("kidnappin folks" → "kidnapping folks",
 * "buyin the f 35", "what's he pushin for") so the word is read as the verb it is.
 *
 * A lower-case word ending in "in" (or "in'") is rewritten only when, with the "g", it is an "-ing" form
 * WordNet knows and, without it, no word WordNet knows as a verb: "cousin", "margin", "begin", "within"
 * stay as they are. Capitalised words are names ("Putin") and are left alone.
 *
 * Source: WordNet 3.0's verbs, through {@link isVerbInflection} (wink-lexicon, MIT).
 */
export function restoreDroppedG(text: string): string {
  return text.replace(DROPPED_G, (word: string, stem: string) => {
    const restored = `${stem}g`;
    return isVerbInflection(restored) && !isVerb(stem) ? restored : word;
  });
}

/** A lower-case word of at least five letters ending in "in", with an optional apostrophe after it. */
const DROPPED_G = /(?<![\p{L}\p{N}'’-])(\p{Ll}{3,}in)['’]?(?![\p{L}\p{N}'’-])/gu;
