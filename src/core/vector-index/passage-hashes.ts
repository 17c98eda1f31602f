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
  forEachRun(passages, (run) => hash.update(run.digest));
  return hash.digest('hex');
}

/**
 * The passages as JSON rows, `[id, documentId, section, kind, position, line, text]` each, joined by commas (the
 * body of passages.json's `rows` array; fixed-order tuples keep field boundaries unambiguous).
 */
export function passageRows(passages: readonly Passage[]): string {
  const parts: string[] = [];
  forEachRun(passages, (run) => parts.push(run.rows));
  return parts.join(',');
}

/**
 * A run's rows and digest are remembered for as long as its passage objects live (passages are immutable, and a
 * reload that leaves a file unchanged gets the very same objects from the knowledge parse cache), so a reloaded
 * archive's fingerprint and passages.json cost only the documents that changed: the whole of 100,000 passages
 * takes ~0.3 s each. Keyed by the run's first passage object.
 */
const runs = new WeakMap<Passage, Run>();

interface Run {
  readonly passages: readonly Passage[];
  readonly rows: string;
  readonly digest: string;
}

/** Calls `visit` with each maximal run of one document's consecutive passages, in order. */
function forEachRun(passages: readonly Passage[], visit: (run: Run) => void): void {
  for (let start = 0; start < passages.length;) {
    let end = start + 1;
    while (end < passages.length && passages[end]!.documentId === passages[start]!.documentId) end += 1;
    visit(runOf(passages, start, end));
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
  const rows = slice
    .map((p) => JSON.stringify([p.id, p.documentId, p.section, p.kind, p.position, p.line, p.text]))
    .join(',');
  const run = { passages: slice, rows, digest: createHash('sha256').update(rows).digest('hex') };
  runs.set(slice[0]!, run);
  return run;
}
