import { lemmasOf } from './lemma.js';
import { stem } from './stem.js';
import { isVerb } from './word-senses.js';

/** "-ee" nouns name who a verb was done to or by: abductee, employee, trainee, nominee. */
const EE_NOUN = /^(\p{L}{4,})ees?$/u;

/**
 * The stems a lower-case word can stand for, so that different forms of one word meet: its own stem
 * ("abducted", "abduction" → "abduct"), the stems of its dictionary forms when it is irregular ("met" →
 * "meet", from {@link lemmasOf}), and, for an "-ee" noun, the stem of the verb it is made from
 * ("abductees" → "abduct", "nominee" → "nomin" as in "nominate"). The verb must be one WordNet knows as a
 * verb, so "committee" (no verb "committ") and "refugee" (no verb "refug") stay themselves.
 * Numbers and codes pass through as {@link stem} leaves them.
 */
export function wordForms(word: string): ReadonlySet<string> {
  const forms = new Set<string>([stem(word)]);
  for (const lemma of lemmasOf(word)) forms.add(stem(lemma));
  const ee = EE_NOUN.exec(word);
  if (ee?.[1] !== undefined) {
    const base = ee[1];
    const verb = [base, `${base}ate`].find((candidate) => isVerb(candidate));
    if (verb !== undefined) forms.add(stem(verb));
  }
  return forms;
}
