import { createHash } from 'node:crypto';

import type { Passage } from '../types.js';

/** The vector-cache key of a text: sha256 of its UTF-8 bytes, hex. Same text, same vector, whatever the passage. */
export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A fingerprint of every field of every passage, in order: sha256 over the sha256 of each run of one document's
 * passages, each of those over the run's {@link passageRows}. Any change (a new passage, an edit, a moved
 * section) changes it, so a saved index is only reused for exactly the passages it was built from.
 */
export function fingerprintPassages(passages: readonly Passage[]): string {
  const hash = createHash('sha256');
  forEachDocumentRun(passages, (start, end) => hash.update(runOf(passages, start, end).digest));
  return hash.digest('hex');
}

/**
 * The passages as JSON rows, `[id, documentId, section, kind, position, line, text]` each, joined by commas (the
 * body of passages.json's `rows` array; fixed-order tuples keep field boundaries unambiguous).
 */
export function passageRows(passages: readonly Passage[]): string {
  return passages.map(passageRow).join(',');
}

/** {@link passageRows} of one passage. */
function passageRow(p: Passage): string {
  return JSON.stringify([p.id, p.documentId, p.section, p.kind, p.position, p.line, p.text]);
}

/** The digest {@link fingerprintPassages} gives one document's passages (all of them, in order). */
export function documentPassagesDigest(passages: readonly Passage[]): string {
  return runOf(passages, 0, passages.length).digest;
}

/**
 * Remembers the digest of one document's passages, as saved with them by an earlier {@link
 * documentPassagesDigest}, so fingerprinting passages restored from that save does not hash them again.
 */
export function rememberDocumentPassagesDigest(passages: readonly Passage[], digest: string): void {
  if (passages.length > 0) runs.set(passages[0]!, { passages: [...passages], digest });
}

/**
 * A run's digest is remembered for as long as its passage objects live (passages are immutable, and a reload that
 * leaves a file unchanged gets the very same objects from the knowledge parse cache), so a reloaded archive's
 * fingerprint costs only the documents that changed: the whole of 100,000 passages takes ~0.3 s. Keyed by the
 * run's first passage object. The rows themselves are not kept: as JSON text they would take about as much memory
 * as the passages (75 MB at 100,000).
 */
const runs = new WeakMap<Passage, Run>();

interface Run {
  readonly passages: readonly Passage[];
  readonly digest: string;
}

/** Calls `visit` with each maximal run of one document's consecutive passages, in order. */
export function forEachDocumentRun(
  passages: readonly Passage[],
  visit: (start: number, end: number) => void,
): void {
  for (let start = 0; start < passages.length;) {
    let end = start + 1;
    while (end < passages.length && passages[end]!.documentId === passages[start]!.documentId) end += 1;
    visit(start, end);
    start = end;
  }
}

function runOf(passages: readonly Passage[], start: number, end: number): Run {
  const known = runs.get(passages[start]!);
  if (
    known !== undefined &&
    known.passages.length === end - start &&
    known.passages.every((passage, i) => passage === passages[start + i])
  ) {
    return known;
  }
  const slice = passages.slice(start, end);
  const run = { passages: slice, digest: createHash('sha256').update(passageRows(slice)).digest('hex') };
  runs.set(slice[0]!, run);
  return run;
}
