import adjectiveExceptions from 'wink-lexicon/src/wn-adjective-exceptions.js';
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js';
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js';

/**
 * The dictionary forms an irregular word stands for ("met" → "meet", "bought" → "buy", "children" →
 * "child", "biggest" → "big"), from WordNet's exception lists as packaged by wink-lexicon (MIT; about
 * 5,600 forms, 2 MB loaded). Regular inflections are the stemmer's job; these are the forms it cannot
 * bring together. Lower-case word in; distinct lemmas other than the word out (usually none).
 */
export function lemmasOf(word: string): string[] {
  const lemmas = new Set<string>();
  for (const exceptions of [verbExceptions, nounExceptions, adjectiveExceptions]) {
    const lemma = Object.hasOwn(exceptions, word) ? exceptions[word] : undefined;
    if (lemma !== undefined && lemma !== word && lemma.length > 1) lemmas.add(lemma);
  }
  return [...lemmas];
}

/** The verb an irregular past form stands for ("sat" → "sit", "sent" → "send"), if WordNet lists it. */
export function verbExceptionBase(word: string): string | undefined {
  const base = Object.hasOwn(verbExceptions, word) ? verbExceptions[word] : undefined;
  return base === undefined || base === word ? undefined : base;
}
