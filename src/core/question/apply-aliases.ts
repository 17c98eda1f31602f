import type { AliasEntry, AliasTable } from './alias-table.js';
import { PhrasePattern } from './phrase-pattern.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';
import { isVerb, isVerbInflection } from '../text/word-senses.js';

/** One alias found in a text and the sheets' term that replaces it. */
export interface AliasUse {
  /** The words as they appear in the text ("dprk", "the States"). */
  readonly original: string;
  /** The sheets' term ("North Korea"). */
  readonly term: string;
  /** Where the original starts and ends (UTF-16 offsets, end exclusive) in the text searched. */
  readonly start: number;
  readonly end: number;
}

interface CompiledAliases {
  /** Acronyms, matched as written. */
  readonly exact: PhrasePattern;
  /** Everything else, matched in any case. */
  readonly anyCase: PhrasePattern;
  /** The same, with a hyphen in the text matching a space in the alias ("gender-equality"). */
  readonly anyCaseJoined: PhrasePattern;
  /** Only the aliases written with a hyphen, for a text with none ("shout out" for "shout-out"). */
  readonly hyphenatedJoined: PhrasePattern;
  /** Phrases in which an alias is not one. */
  readonly except: PhrasePattern;
  /** Term by alias (lower-case key for the any-case ones). */
  readonly termOf: ReadonlyMap<string, string>;
  /** Term by an any-case alias's words joined with single spaces ({@link joinKey}). */
  readonly joinedTermOf: ReadonlyMap<string, string>;
  /** Aliases read only where they stand as a name (lower case; see AliasEntry.asName). */
  readonly asName: ReadonlySet<string>;
  /** Each list's pattern for two or more of its members in a row, and its term. */
  readonly lists: readonly { readonly pattern: RegExp; readonly term: string }[];
}

const compiledTables = new WeakMap<AliasTable, CompiledAliases>();

/**
 * Finds the aliases in a text: whole words only ("UN" not in "UNESCO", "America" not in "American"),
 * longest first where two overlap ("Democratic People's Republic of Korea" over "Republic of Korea"),
 * never inside an entry's `except` phrases ("North America"). Acronyms are skipped in a text with no
 * lower-case letter, where "US" may be the pronoun.
 */
export function findAliases(text: string, table: AliasTable, options: AliasOptions = {}): AliasUse[] {
  if (table.entries.length === 0 && (table.lists ?? []).length === 0) return [];
  const compiled = compile(table);
  const shouting = options.name !== true && !/\p{Ll}/u.test(text);
  const found: AliasUse[] = [];
  const collect = (phrases: PhrasePattern, key: (match: string) => string): void => {
    for (const match of phrases.matches(text)) {
      const term = compiled.termOf.get(key(match.text));
      if (
        compiled.asName.has(match.text.toLowerCase()) &&
        !standsAsName(text, match.index, match.index + match.text.length)
      )
        continue;
      if (term !== undefined) {
        found.push({ original: match.text, term, start: match.index, end: match.index + match.text.length });
      }
    }
  };
  // A phrase may be typed with other spacing ("the  States", a line break): look it up with single spaces.
  if (!shouting) collect(compiled.exact, (match) => match.replace(/\s+/g, ' '));
  collect(compiled.anyCase, (match) => match.replace(/\s+/g, ' ').toLowerCase());
  // People join a compound's words with a space or a hyphen as they please ("gender-equality" for the alias
  // "gender equality", "shout out" for "shout-out"); an alias written with the text's own hyphen ("sit-down", a noun, not "sit down
  // with") comes first, so a joined reading only fills places nothing else matched.
  const matchedAsWritten = found.map((use) => [use.start, use.end] as const);
  const joined: AliasUse[] = [];
  // Without a hyphen in the text, only an alias written with one can read differently joined: the rest
  // were matched as written already (a tenth of the aliases, so this search costs a tenth as much).
  const joinedPhrases = text.includes('-') ? compiled.anyCaseJoined : compiled.hyphenatedJoined;
  for (const match of joinedPhrases.matches(text)) {
    const term = compiled.joinedTermOf.get(joinKey(match.text).toLowerCase());
    const end = match.index + match.text.length;
    if (term === undefined || matchedAsWritten.some(([s, e]) => match.index < e && end > s)) continue;
    joined.push({ original: match.text, term, start: match.index, end });
  }
  found.push(...joined);
  // "bridges-and-ports type projects": kinds named together stand for their kind ("infrastructure").
  for (const list of compiled.lists) {
    for (const match of text.matchAll(list.pattern)) {
      found.push({
        original: match[0],
        term: list.term,
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }

  const excluded = [...compiled.except.matches(text)].map(
    (match) => [match.index, match.index + match.text.length] as const,
  );
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: AliasUse[] = [];
  let reached = 0;
  for (const use of found) {
    if (use.start < reached) continue;
    if (excluded.some(([start, end]) => use.start < end && use.end > start)) continue;
    kept.push(use);
    reached = use.end;
  }
  return kept;
}

/**
 * Replaces every alias in a text with the sheets' term ("What did the DPRK launch?" → "What did the
 * North Korea launch?"). The result is for searching, not for display: keep the original to show.
 */
export function applyAliases(text: string, table: AliasTable, options: AliasOptions = {}): string {
  return replaceAliasUses(text, findAliases(text, table, options));
}

export interface AliasOptions {
  /**
   * The text is a name typed on its own (a `/quote` speaker such as "PM"), never a question typed in
   * capitals, so acronyms are read even without a lower-case letter. @default false
   */
  readonly name?: boolean;
}

/** Replaces aliases already found in `text` by {@link findAliases} with their terms. */
export function replaceAliasUses(text: string, uses: readonly AliasUse[]): string {
  if (uses.length === 0) return text;
  let out = '';
  let at = 0;
  for (const use of uses) {
    out += text.slice(at, use.start) + use.term;
    at = use.end;
  }
  return out + text.slice(at);
}

function compile(table: AliasTable): CompiledAliases {
  const cached = compiledTables.get(table);
  if (cached !== undefined) return cached;
  const termOf = new Map<string, string>();
  const joinedTermOf = new Map<string, string>();
  const exact: AliasEntry[] = [];
  const anyCase: AliasEntry[] = [];
  for (const entry of table.entries) {
    termOf.set(entry.caseSensitive ? entry.alias : entry.alias.toLowerCase(), entry.term);
    if (!entry.caseSensitive && !joinedTermOf.has(joinKey(entry.alias.toLowerCase())))
      joinedTermOf.set(joinKey(entry.alias.toLowerCase()), entry.term);
    (entry.caseSensitive ? exact : anyCase).push(entry);
  }
  const compiled: CompiledAliases = {
    exact: new PhrasePattern(
      exact.map((entry) => entry.alias),
      false,
    ),
    anyCase: new PhrasePattern(
      anyCase.map((entry) => entry.alias),
      true,
    ),
    anyCaseJoined: new PhrasePattern(
      anyCase.filter((entry) => /[ -]/.test(entry.alias)).map((entry) => entry.alias),
      true,
      true,
    ),
    hyphenatedJoined: new PhrasePattern(
      anyCase.filter((entry) => entry.alias.includes('-')).map((entry) => entry.alias),
      true,
      true,
    ),
    except: new PhrasePattern([...new Set(table.entries.flatMap((entry) => entry.except))], true),
    termOf,
    joinedTermOf,
    asName: new Set(
      table.entries.filter((entry) => entry.asName === true).map((entry) => entry.alias.toLowerCase()),
    ),
    lists: (table.lists ?? []).map((list) => ({ pattern: listPattern(list.members), term: list.term })),
  };
  compiledTables.set(table, compiled);
  return compiled;
}

/** The key a phrase joined with spaces or hyphens is looked up by: its words joined with single spaces. */
function joinKey(phrase: string): string {
  return phrase.replace(/[\s-]+/g, ' ');
}

/**
 * Two or more of the members in a row, joined by commas, slashes, "&", "+", hyphens or spaces, with "and" or
 * "or" before the last ("roads, ports and power plants", "bridges-and-ports", "roads/rail"); a member's own
 * words joined by spaces or hyphens. Longest members first, so "power plants" is not read as "power".
 */
function listPattern(members: readonly string[]): RegExp {
  const member = [...members]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/[ -]+/g, '[\\s-]+'))
    .join('|');
  const joiner = String.raw`(?:\s*[,/&+]\s*|\s*-\s*|\s+)(?:(?:and|or|&)[\s-]+)?`;
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${member})(?:${joiner}(?:${member}))+(?![\p{L}\p{N}])`,
    'giu',
  );
}

/**
 * Whether the words at `start…end` stand where a name does rather than count something: before "'s", or
 * right after an auxiliary ("did 45 speak"), or before a verb's past form ("45 bragged"), or after a
 * preposition and before another or the end ("with 45 ahead of everyone", "rapport with 45 over the
 * year"). Never after a currency sign or an approximation ("$45", "about 45"), nor before a unit.
 */
function standsAsName(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (
    /[$€£¥#]\s*$|\b(?:about|around|nearly|almost|over|under|than|some|top|approximately|roughly)\s+$/iu.test(
      before,
    )
  )
    return false;
  if (/^\s*(?:%|percent\b|k\b)/iu.test(after)) return false;
  if (/^['’]s\b/u.test(after)) return true;
  // "w/ 45": chat shorthand for "with".
  const previous = (/([\p{L}'’]+)\/?\s+$/u.exec(before)?.[1]?.toLowerCase() ?? '').replace(/^w$/u, 'with');
  const next = /^\s+([\p{L}'’]+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
  const auxiliary = AUXILIARIES.test(previous);
  // "did 45 speak", not "did 45 companies invest".
  if (auxiliary && isVerb(next) && !next.endsWith('s')) return true;
  if (next !== '' && isVerbInflection(next) && !next.endsWith('ing')) return true;
  // A singular verb before it agrees with one person, never with a count of 45: "is 45 aiming for",
  // "has 45 visited" (but "is 45 enough?", "was 45 a lot?" stay numbers).
  if (SINGULAR_AUXILIARIES.test(previous) && next !== '' && isVerbInflection(next)) return true;
  // Two people asked about together: "did 45 and his wife meet…", "have 45 and shinzo talked" (not "did 45
  // and 50 companies…").
  if (auxiliary && next === 'and' && !/^\s+and\s+(?:\p{N}|(?:a|an|the|some|more|other)\b)/iu.test(after))
    return true;
  return (
    /^(?:with|to|from|by|for|and|about|against|like|than|meet|met|told|asked|called)$/u.test(previous) &&
    (next === '' ? /^\s*(?:[?!.,;:]|$)/u.test(after) : NAME_FOLLOWERS.has(next))
  );
}

/** Auxiliaries a question puts before its subject ("did 45 …", "have 45 and … met"). */
const AUXILIARIES =
  /^(?:did|does|do|will|would|can|could|should|has|have|had|is|was|didn['’]t|doesn['’]t|hasn['’]t|haven['’]t|isn['’]t|wasn['’]t)$/u;

/** Auxiliaries that agree with one subject only. */
const SINGULAR_AUXILIARIES = /^(?:is|was|has|isn['’]t|wasn['’]t|hasn['’]t)$/u;

/** Words that follow a name and never a count ("with 45 ahead of…", "with 45 over the past year"). */
const NAME_FOLLOWERS: ReadonlySet<string> = new Set(
  'ahead over about during after before when while in on at and or himself back since again then'.split(' '),
);
