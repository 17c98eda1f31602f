import { createRequire } from 'node:module';

import { lemmasOf, verbExceptionBase } from './lemma.js';

/** WordNet's tables as wink-lexicon ships them: about 2.7 MB of JavaScript. */
interface WordNetTables {
  readonly senseNames: readonly string[];
  readonly wordSenses: readonly (readonly number[] | undefined)[];
  readonly wordIndex: Readonly<Record<string, number>>;
}

let tables: WordNetTables | undefined;

/**
 * Loaded on first use, not with the module: only a question with a word the sheets never use asks (is it
 * a verb form, judge.ts; an "-ee" noun, word-forms.ts), and parsing the tables at start-up cost every CLI
 * answer about 0.3 s and the process about 25 MB (npm run bench -- --quick, 2026-11-30).
 */
function wordNet(): WordNetTables {
  if (tables === undefined) {
    const load = createRequire(import.meta.url);
    tables = {
      senseNames: load('wink-lexicon/src/wn-senses.js') as WordNetTables['senseNames'],
      wordSenses: load('wink-lexicon/src/wn-word-senses.js') as WordNetTables['wordSenses'],
      wordIndex: load('wink-lexicon/src/wn-words.js') as WordNetTables['wordIndex'],
    };
  }
  return tables;
}

/** WordNet's broad word classes, from its lexicographer files ("verb.communication" → verb). */
export type WordClass = 'noun' | 'verb' | 'adj' | 'adv';

/**
 * The word classes WordNet gives a word in any of its dictionary forms: "dialed" → verb (from "dial":
 * noun and verb), "hackers" → noun, "forgot" → verb, "online" → adj. Empty for a word WordNet does not
 * know (names, slang, typos). Lower-case word in.
 *
 * Source: WordNet 3.0's lexicographer files and exception lists as packaged by wink-lexicon (MIT): about
 * 77,000 lemmas. Dictionary forms are found as WordNet's own morphy does: its exception lists, then its
 * detachment rules (-s, -es, -ies, -ed, -ing, -er, -est), with an undoubled consonant ("stepped" → "step").
 */
export function wordClasses(word: string): ReadonlySet<WordClass> {
  const classes = new Set<WordClass>();
  const { senseNames, wordSenses, wordIndex } = wordNet();
  for (const lemma of dictionaryForms(word)) {
    const index = Object.hasOwn(wordIndex, lemma) ? wordIndex[lemma] : undefined;
    if (index === undefined) continue;
    for (const sense of wordSenses[index] ?? []) {
      const name = senseNames[sense];
      if (name !== undefined) classes.add(name.slice(0, name.indexOf('.')) as WordClass);
    }
  }
  return classes;
}

/**
 * Whether WordNet knows the word only as a verb ("dialed", "forgot", "abducted"): a predicate, never
 * the thing a question is about.
 */
export function isOnlyVerb(word: string): boolean {
  const classes = wordClasses(word);
  return classes.size === 1 && classes.has('verb');
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
  if (irregular !== undefined) return wordClasses(irregular).has('verb');
  const match = /^(.{2,}?)(ed|ing)$/u.exec(word);
  if (match === null) return false;
  const stemPart = match[1]!;
  const bases = [stemPart, `${stemPart}e`];
  // "stepped" → "step", "hopping" → "hop"
  if (/([b-df-hj-np-tv-z])\1$/u.test(stemPart)) bases.push(stemPart.slice(0, -1));
  if (match[2] === 'ed' && stemPart.endsWith('i')) bases.push(`${stemPart.slice(0, -1)}y`);
  const { wordIndex, wordSenses, senseNames } = wordNet();
  return bases.some((base) => {
    const index = Object.hasOwn(wordIndex, base) ? wordIndex[base] : undefined;
    return (
      index !== undefined &&
      (wordSenses[index] ?? []).some((sense) => senseNames[sense]?.startsWith('verb.') === true)
    );
  });
}
