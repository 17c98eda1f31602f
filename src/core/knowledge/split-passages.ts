import type { Passage, PassageKind } from '../types.js';
import { detachedString } from './detached-string.js';
import { parseSectionHeadingLine } from './section-heading.js';
import { createStableIdAssigner } from './stable-id.js';

/**
 * Cuts a fact sheet's body into citable passages, one per non-empty line, so that no line is ever lost:
 * - the first non-empty line is the opening quotation (section ""), unless it already is a heading line;
 * - `HEADING IN CAPITALS: sentence` opens section HEADING, and the sentence is its `section-summary`;
 * - every other non-empty line is a `bullet` of the current section.
 * Texts are the lines trimmed, otherwise verbatim.
 * @param bodyFirstLine 1-based file line of `bodyLines[0]`, so passages know where they are in the file.
 */
export function splitPassages(
  documentId: string,
  bodyLines: readonly string[],
  bodyFirstLine: number,
): Passage[] {
  const idFor = createStableIdAssigner(documentId);
  const passages: Passage[] = [];
  let section = '';
  // Passages outlive the file's text: their strings are copies, not views into it (see detachedString).
  const add = (kind: PassageKind, text: string, line: number): void => {
    passages.push({
      id: detachedString(idFor(text)),
      documentId,
      section,
      kind,
      position: passages.length,
      line,
      text: detachedString(text),
    });
  };

  bodyLines.forEach((rawLine, index) => {
    const text = rawLine.trim();
    if (text === '') return;
    const line = bodyFirstLine + index;
    const heading = parseSectionHeadingLine(text);
    if (heading !== undefined) {
      section = detachedString(heading.heading);
      // A heading alone on its line names the section; there is no sentence to cite.
      if (heading.summary !== '') add('section-summary', heading.summary, line);
      return;
    }
    add(passages.length === 0 && section === '' ? 'opening-quote' : 'bullet', text, line);
  });
  return passages;
}
