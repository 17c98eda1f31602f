/** What the CLI says when `--rebuild` was given: the one reason the core cannot know (it only sees an empty folder). */
export const REBUILD_REQUESTED = 'rebuilt because --rebuild was given';

/**
 * Where the index came from, worded for `npm run index`. The core reports "loaded from disk" or
 * "rebuilt (<reason>)"; with `--rebuild` the CLI removed the saved index first, so the core's reason
 * ("no saved index") is true of the folder but not of why, and the CLI says why instead.
 */
export function describeIndexOrigin(coreOrigin: string, rebuildRequested: boolean): string {
  if (rebuildRequested && coreOrigin !== 'loaded from disk') return REBUILD_REQUESTED;
  return coreOrigin;
}

/**
 * The origin inside the summary line's parentheses: the core's "rebuilt (no saved index)" becomes
 * "no saved index", so the line reads "Index built (no saved index)" rather than nesting parentheses.
 */
export function originForSummary(origin: string): string {
  return /^rebuilt \((?<reason>.*)\)$/u.exec(origin)?.groups?.['reason'] ?? origin;
}
