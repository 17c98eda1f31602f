import { stemmer } from 'stemmer';

/**
 * Words ending in -ise that are not British spellings of an -ize word ("exercise", "promise"); they keep
 * their ending so that they do not collide with anything.
 */
const GENUINE_ISE_WORDS: ReadonlySet<string> = new Set(
  `advertise advise apprise arise chastise circumcise clockwise comprise compromise concise demise despise
  devise disguise enfranchise enterprise excise exercise expertise franchise guise improvise incise likewise
  merchandise noise otherwise paradise poise praise precise premise promise raise reprise revise rise
  supervise surmise surprise televise treatise wise cruise bruise anise mortise porpoise tortoise valise
  concise otherwise elise louise denise`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** British spellings that a suffix rule cannot safely catch, by stem (inflected forms follow). */
const BRITISH_TO_AMERICAN: ReadonlyArray<readonly [string, string]> = [
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['centre', 'center'],
  ['theatre', 'theater'],
  ['programme', 'program'],
  ['labour', 'labor'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['neighbour', 'neighbor'],
  ['behaviour', 'behavior'],
  ['colour', 'color'],
  ['harbour', 'harbor'],
  ['endeavour', 'endeavor'],
  ['rumour', 'rumor'],
  ['vigour', 'vigor'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
];

// -ise/-isation and their inflections; group 1 is everything before "is".
const ISE_SUFFIX = /^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|ational)$/;
const YSE_SUFFIX = /^(.{3,})ys(e|es|ed|ing|er|ers)$/;

/**
 * Rewrites a lowercase British spelling into the American one so that both meet:
 * "denuclearisation" → "denuclearization", "organised" → "organized", "defence" → "defense",
 * "analyse" → "analyze". Words that genuinely end in -ise ("exercise", "promise") are left alone.
 */
export function americanSpelling(word: string): string {
  const ise = ISE_SUFFIX.exec(word);
  if (ise !== null) {
    const base = `${ise[1]}ise`;
    if (!isGenuineIse(base)) return `${ise[1]}iz${ise[2]}`;
    return word;
  }
  const yse = YSE_SUFFIX.exec(word);
  if (yse !== null && /(?:al|ol|ar|at)$/.test(yse[1] ?? '')) {
    // analyse, paralyse, catalyse, dialyse
    return `${yse[1]}yz${yse[2]}`;
  }
  for (const [british, american] of BRITISH_TO_AMERICAN) {
    if (word.startsWith(british)) return american + word.slice(british.length);
  }
  return word;
}

const GENUINE_PREFIX = /^(?:un|re|dis|mis|pre|counter|over|under|out|self)(.+)$/;

function isGenuineIse(base: string): boolean {
  if (GENUINE_ISE_WORDS.has(base)) return true;
  // Prefixed forms of the same words ("reexercise", "unwise", "compromise" is listed itself). A bare
  // suffix test would be wrong: "denucle-arise" and "org-anise" end in genuine words.
  const prefixed = GENUINE_PREFIX.exec(base);
  return prefixed !== null && GENUINE_ISE_WORDS.has(prefixed[1] ?? '');
}

/**
 * Stems already worked out. Every question stems its own words and those of a dozen passages, the same few
 * thousand words over and over; a Porter stem costs about a microsecond, a lookup a twentieth of that.
 */
const stems = new Map<string, string>();

/** Words remembered before the memo starts over: a few MB at most, whatever people type. */
const STEM_MEMO_LIMIT = 20_000;

/**
 * Porter stem of a lowercase token after {@link americanSpelling}, so that "denuclearizing",
 * "denuclearization" and "denuclearisation" share the stem "denuclear". Numbers and codes pass through.
 */
export function stem(token: string): string {
  const known = stems.get(token);
  if (known !== undefined) return known;
  const stemmed = stemAfresh(token);
  if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
  stems.set(token, stemmed);
  return stemmed;
}

/**
 * {@link stem} without remembering the result: for stemming a whole word table once, which would only
 * push the words people type out of the memo.
 */
export function stemAfresh(token: string): string {
  return /^\p{L}+$/u.test(token) ? stemmer(americanSpelling(token)) : token;
}
