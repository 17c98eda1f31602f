import { lemmasOf, verbExceptionBase } from './lemma.js';
import { WORDNET_VERBS } from './wordnet-verbs.js';

let verbs: ReadonlySet<string> | undefined;

/**
 * WordNet's verb lemmas, read on first use. Only "is this a verb?" is ever asked, so a derived list of
 * 8,424 words (67 kB, scripts/derive-wordnet-verbs.ts) stands in for WordNet's tables, which cost a
 * running process about 42 MB (node --expose-gc, RSS before and after loading them, 2026-11-30).
 */
function verbLemmas(): ReadonlySet<string> {
  verbs ??= new Set(WORDNET_VERBS.split(' '));
  return verbs;
}

/**
 * Whether WordNet knows the word, in any of its dictionary forms, as a verb: "dialed" (from "dial"),
 * "forgot", "abduct", "plant". False for a word WordNet does not know as one (names, slang, typos,
 * "population"). Lower-case word in.
 *
 * Source: WordNet 3.0's verb lemmas and exception lists as packaged by wink-lexicon (MIT). Dictionary forms
 * are found as WordNet's own morphy does: its exception lists, then its detachment rules (-s, -es, -ies,
 * -ed, -ing, -er, -est), with an undoubled consonant ("stepped" → "step").
 */
export function isVerb(word: string): boolean {
  const lemmas = verbLemmas();
  return dictionaryForms(word).some((form) => lemmas.has(form));
}

const DETACHMENTS: ReadonlyArray<readonly [string, string]> = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['er', 'e'],
  ['est', ''],
  ['est', 'e'],
];

function dictionaryForms(word: string): string[] {
  const forms = new Set<string>([word, ...lemmasOf(word)]);
  for (const [suffix, replacement] of DETACHMENTS) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    forms.add(base);
    // "stepped" → "stepp" → "step"
    if (replacement === '' && /([b-df-hj-np-tv-z])\1$/u.test(base)) forms.add(base.slice(0, -1));
  }
  return [...forms];
}

/**
 * Whether the word as typed is an inflected form of a verb WordNet knows: a past tense or participle
 * ("snatched", "sat", "sent") or an "-ing" form ("pouring"). Such a word says what happened, not what the
 * question is about. Base forms ("slap", "swap") are left out: most are nouns too. Lower-case word in.
 *
 * Source: WordNet 3.0's verb exception list (2,223 irregular forms) and its -ed/-ing detachment rules, as
 * wink-lexicon (MIT) packages them.
 */
export function isVerbInflection(word: string): boolean {
  const irregular = verbExceptionBase(word);
  if (irregular !== undefined) return verbLemmas().has(irregular);
  if (!/(?:ed|ing)$/u.test(word)) return false;
  const lemmas = verbLemmas();
  return dictionaryForms(word).some((form) => form !== word && lemmas.has(form));
}
