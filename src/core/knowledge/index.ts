/** Knowledge files → documents, passages and quotations. See knowledge/README.md for the file format. */
export { KnowledgeError } from './knowledge-error.js';
export { listKnowledgeFiles, loadKnowledge, type LoadedKnowledgeBase } from './load-knowledge.js';
export { parseKnowledgeFile, type ParsedKnowledgeFile } from './parse-knowledge-file.js';
export { FRONT_MATTER_FIELDS, type LoadedKnowledgeDocument } from './read-document-fields.js';
export { extractQuotations } from './extract-quotations.js';
export { splitPassages } from './split-passages.js';
