import type { SeededRandom } from './seeded-random.js';
import {
  ADVISERS,
  AGENCY_ACRONYMS,
  AIRCRAFT,
  COMPANIES,
  CONFERENCES,
  ENERGY_PROGRAMS,
  ERA_MEANINGS,
  ERA_NAMES,
  MILITARY_BASES,
  MONTHS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  PARTNERS,
  REGIONS,
  SPACE_GOALS,
  US_STATES,
  WORLD_REGIONS,
  type Adversary,
  type Partner,
  type UsPresident,
} from './synthetic-vocabulary.js';

/** Who and when a synthetic sheet is about; every sentence of the sheet is rewritten into this setting. */
export interface SheetSetting {
  readonly partner: Partner;
  readonly adversary: Adversary;
  readonly president: UsPresident;
  readonly year: number;
}

/** The year the real sentences are anchored in: a year they mention moves by (sheet year − this). */
const ANCHOR_YEAR = 2019;

type Replacer = (match: string, setting: SheetSetting, random: SeededRandom) => string;

const leader = ({ partner }: SheetSetting) => `${partner.leaderTitle} ${partner.leaderSurname}`;
const fixed =
  (pick: (setting: SheetSetting) => string): Replacer =>
  (_match, setting) =>
    pick(setting);
const drawn =
  (items: readonly string[]): Replacer =>
  (_match, _setting, random) =>
    random.pick(items);
const words = (list: readonly string[]) => new RegExp(`\\b(${list.join('|')})\\b`, 'g');

/**
 * Every named thing the real sheets mention, and what it becomes. Order matters: months before leaders (Theresa
 * May is not a month), longer names before their parts, named aircraft before the number rule.
 */
const RULES: ReadonlyArray<readonly [RegExp, Replacer]> = [
  [words(MONTHS), drawn(MONTHS)],
  [
    /\bPrime Minister Shinzo Abe\b/g,
    fixed(({ partner }) => `${partner.leaderTitle} ${partner.leaderGivenNames} ${partner.leaderSurname}`),
  ],
  [/\bShinzo Abe\b/g, fixed(({ partner }) => `${partner.leaderGivenNames} ${partner.leaderSurname}`)],
  [/\bPrime Minister Abe\b/g, fixed(leader)],
  [/\bAbe\b/g, fixed(({ partner }) => partner.leaderSurname)],
  [/\bIvanka Trump\b/g, drawn(ADVISERS)],
  [/\bMelania Trump\b/g, fixed(({ president }) => president.firstLady)],
  [/\bDonald J\. Trump\b/g, fixed(({ president }) => `${president.givenNames} ${president.surname}`)],
  [/\bTrump\b/g, fixed(({ president }) => president.surname)],
  [/\bNorth Korean\b/g, fixed(({ adversary }) => adversary.adjective)],
  [/\bNorth Korea\b/g, fixed(({ adversary }) => adversary.name)],
  [/\bKOREAN PENINSULA\b/g, fixed(({ adversary }) => adversary.region.replace(/^the /, '').toUpperCase())],
  [/\bthe Korean Peninsula\b/g, fixed(({ adversary }) => adversary.region)],
  [/\bthe Peninsula\b/g, fixed(({ adversary }) => adversary.region)],
  [/\bPyongyang\b/g, fixed(({ adversary }) => adversary.capital)],
  [/\bSouth Korean\b/g, (_m, { partner }, random) => otherPartner(partner, random).adjective],
  [/\bJapanese\b/g, fixed(({ partner }) => partner.adjective)],
  [/\bJAPAN\b/g, fixed(({ partner }) => partner.name.replace(/^the /, '').toUpperCase())],
  [/\bTokyo\b/g, fixed(({ partner }) => partner.capital)],
  [/\bJapan\b/g, fixed(({ partner }) => partner.name)],
  [/\bReiwa\b/g, drawn(ERA_NAMES)],
  [/\bbeautiful harmony\b/g, drawn(ERA_MEANINGS)],
  [/\bYokota Airbase\b/g, drawn(MILITARY_BASES)],
  [/\bWorld Assembly for Women\b/g, drawn(CONFERENCES)],
  [/\bF-35 jet\b/g, drawn(AIRCRAFT)],
  [/\bNASA's return to the Moon\b/g, drawn(SPACE_GOALS)],
  [/\bStrategic Energy Partnership\b/g, drawn(ENERGY_PROGRAMS)],
  [/\b(JBIC|NEXI|METI)\b/g, drawn(AGENCY_ACRONYMS)],
  [/\bIndo-Pacific\b/g, drawn(REGIONS)],
  [/\b(Southeast Asia|South Asia|Sub-Saharan Africa)\b/g, drawn(WORLD_REGIONS)],
  [/\b(Alabama|Kentucky|Indiana|Texas|Tennessee|Ohio|Michigan)\b/g, drawn(US_STATES)],
  [/\b(Toyota|Mazda|Honda|Denso)\b/g, drawn(COMPANIES)],
  [
    /\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b/g,
    (match, setting, random) => varyNumber(match, setting, random),
  ],
  [words(NUMBER_WORDS), drawn(NUMBER_WORDS)],
  [words(ORDINAL_WORDS), drawn(ORDINAL_WORDS)],
];

/**
 * Rewrites a real sentence into a sheet's setting: partner, leaders, president, adversary, places, programmes and
 * companies replaced, years shifted with the sheet, every other number drawn afresh with the same shape. What is
 * left is the real sheets' style and common vocabulary, never one of their facts. Deterministic for a given random
 * state.
 */
export function varySentence(text: string, setting: SheetSetting, random: SeededRandom): string {
  let varied = text;
  for (const [pattern, replace] of RULES) {
    varied = varied.replace(pattern, (match) => replace(match, setting, random));
  }
  return varied;
}

/**
 * Whether a sentence names anything {@link varySentence} replaces. A sentence that does not would come out
 * verbatim, restating a real fact in a synthetic sheet, so the generator leaves such sentences out.
 */
export function hasVariablePart(text: string): boolean {
  return RULES.some(([pattern]) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

function varyNumber(match: string, { year }: SheetSetting, random: SeededRandom): string {
  if (/^(19|20)\d\d$/.test(match)) return String(Number(match) + (year - ANCHOR_YEAR));
  const [whole = '', fraction] = match.replace(/,/g, '').split('.');
  const digits = whole.length;
  const low = digits === 1 ? 2 : 10 ** (digits - 1);
  const drawn = random.int(low, 10 ** digits - 1);
  const wholeText = match.includes(',') ? String(drawn).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(drawn);
  if (fraction === undefined) return wholeText;
  let fractionText = '';
  for (let i = 0; i < fraction.length; i += 1) fractionText += String(random.int(0, 9));
  return `${wholeText}.${fractionText}`;
}

/** "the United Kingdom represents…" at the start of a sentence reads "The United Kingdom represents…". */
export function capitalizeFirst(text: string): string {
  return text.replace(
    /^(["“]?)(\p{Ll})/u,
    (_m, quote: string, letter: string) => `${quote}${letter.toUpperCase()}`,
  );
}

function otherPartner(partner: Partner, random: SeededRandom): Partner {
  const others = PARTNERS.filter((candidate) => candidate !== partner);
  return random.pick(others);
}
