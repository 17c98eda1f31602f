/** One alias as written in an alias file, with where it was written (for error messages and review). */
export interface AliasEntry {
  /** The other name, as written in the file ("DPRK", "the States"). */
  readonly alias: string;
  /** The fact sheets' own words it stands for ("North Korea"). */
  readonly term: string;
  /**
   * True for an alias written without lower-case letters (an acronym: "DPRK", "PM", "US"): it matches
   * only in capitals, and not in a text typed entirely in capitals.
   */
  readonly caseSensitive: boolean;
  /** Longer phrases in which the alias is not one ("North America"). */
  readonly except: readonly string[];
  /**
   * The alias is a number people also use as a name ("45" for the 45th president): it is read as the
   * term only where it stands as a name ("with 45 ahead of everyone", "did 45 speak", "45 bragged"), never
   * where it counts something ("45 jobs", "$45", "about 45"). @default false
   */
  readonly asName?: boolean;
  /** File (relative to the alias folder) and 1-based line of the alias. */
  readonly file: string;
  readonly line: number;
}

/**
 * Things named together that stand for their kind: two or more of `members` in a row, joined by "and",
 * "or", commas, slashes or hyphens ("roads, ports and power plants"), read as `term` ("infrastructure").
 */
export interface AliasList {
  readonly term: string;
  /** The kinds, as people write them ("roads", "power plants"), matched in any case. */
  readonly members: readonly string[];
  /** File (relative to the alias folder) and 1-based line of the entry. */
  readonly file: string;
  readonly line: number;
}

/** Every alias of an alias folder, validated: each alias appears once. */
export interface AliasTable {
  readonly entries: readonly AliasEntry[];
  /** Lists whose members together stand for a term. @default none */
  readonly lists?: readonly AliasList[];
}

/** An alias table with no aliases: questions pass through unchanged. */
export const NO_ALIASES: AliasTable = { entries: [] };
