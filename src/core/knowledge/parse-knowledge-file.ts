import type { Passage, Quotation } from '../types.js';
import { decodeUtf8 } from './decode-utf8.js';
import { extractQuotations } from './extract-quotations.js';
import { FrontMatterError, splitFrontMatter, type SplitFrontMatterFile } from '../front-matter.js';
import { KnowledgeError } from './knowledge-error.js';
import { readDocumentFields, type LoadedKnowledgeDocument } from './read-document-fields.js';
import { splitPassages } from './split-passages.js';

/** One knowledge file, parsed. */
export interface ParsedKnowledgeFile {
  readonly document: LoadedKnowledgeDocument;
  readonly passages: Passage[];
  readonly quotations: Quotation[];
  /** Line of the `id:` field, for messages about duplicate ids across files. */
  readonly idLine: number;
}

/**
 * Parses one knowledge file: YAML front matter describing the fact sheet, then its text (see knowledge/README.md).
 * @param file name of the file relative to the knowledge folder; becomes `document.file` and prefixes error messages.
 * @throws KnowledgeError (code KNOWLEDGE_INVALID) naming the file and line of the first problem.
 */
export function parseKnowledgeFile(file: string, bytes: Uint8Array): ParsedKnowledgeFile {
  const text = decodeUtf8(file, bytes);
  const split = splitKnowledgeFile(file, text);
  const { document, idLine } = readDocumentFields(file, split);
  const passages = splitPassages(document.id, split.bodyLines, split.bodyFirstLine);
  if (passages.length === 0) {
    throw new KnowledgeError(file, split.bodyFirstLine, 'the fact sheet has no text after its front matter');
  }
  return { document, passages, quotations: extractQuotations(document.id, passages), idLine };
}

/** The shared front-matter splitter, its errors turned into this file's `KnowledgeError` (same line). */
function splitKnowledgeFile(file: string, text: string): SplitFrontMatterFile {
  try {
    return splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) {
      throw new KnowledgeError(file, error.line, error.problem, { cause: error.cause ?? error });
    }
    throw error;
  }
}
