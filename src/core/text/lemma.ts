import lemmatizer from 'wink-lemmatizer';

/**
 * The dictionary forms a word may stand for, as verb, noun and adjective ("met" → "meet", "bought" →
 * "buy", "purchasers" → "purchaser", "biggest" → "big"), from wink-lemmatizer (WordNet's exception lists
 * and rules). The stemmer alone cannot bring irregular forms together. Lower-case word in, distinct
 * lemmas other than the word out (possibly none).
 */
export function lemmasOf(word: string): string[] {
  const lemmas = new Set([lemmatizer.verb(word), lemmatizer.noun(word), lemmatizer.adjective(word)]);
  lemmas.delete(word);
  return [...lemmas].filter((lemma) => lemma.length > 1);
}
