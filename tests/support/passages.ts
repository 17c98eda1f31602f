import type { RetrievedPassage } from '../../src/core/retrieval/retrieved-passage.js';
import type { KnowledgeDocument, Passage, Quotation } from '../../src/core/types.js';

/** A small, hand-made document for unit tests that need knowledge without reading files. */
export function makeDocument(overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return {
    id: 'doc-2019',
    title: 'A Test Fact Sheet',
    publisher: 'The White House',
    date: '2019-05-25',
    dateApproximate: false,
    displayDate: 'May 25, 2019',
    file: 'doc-2019.md',
    ...overrides,
  };
}

let counter = 0;

export function makePassage(text: string, overrides: Partial<Passage> = {}): Passage {
  counter += 1;
  return {
    id: overrides.id ?? `doc-2019#p${counter}`,
    documentId: 'doc-2019',
    section: 'SHARED PROSPERITY',
    kind: 'bullet',
    position: counter,
    line: counter,
    text,
    ...overrides,
  };
}

export function makeQuotation(passage: Passage, speaker: string, text: string): Quotation {
  return {
    id: `${passage.id}/q`,
    speaker,
    text,
    passageId: passage.id,
    documentId: passage.documentId,
    section: passage.section,
    form: 'inline',
  };
}

/** A passage as retrieval returns it, with its document and score, for stages after retrieval. */
export function makeRetrieved(text: string, score: number): RetrievedPassage {
  return { passage: makePassage(text), document: makeDocument(), score };
}
