import type { Glossary } from '../language/glossary.js';
import type { AliasTable } from '../question/alias-table.js';
import { createQuotationCatalogue, type QuotationCatalogue } from '../quotes/find-quotation.js';
import {
  buildCorpusVocabulary,
  type CorpusVocabulary,
  type WordVectorLookup,
} from '../retrieval/corpus-vocabulary.js';
import {
  createRetriever,
  type QueryEmbedder,
  type Retriever,
  type VectorSearch,
} from '../retrieval/retrieve-passages.js';
import type { Citation, KnowledgeBase, KnowledgeDocument, Passage } from '../types.js';

/** The index as the service uses it: searchable, sized, and able to hand its vectors to the next build. */
export interface ServingIndex extends VectorSearch {
  readonly size: number;
}

/**
 * Everything derived from one version of the knowledge. Built completely, then swapped in by a single
 * assignment, so a question never sees half of one version and half of another.
 */
export interface KnowledgeState {
  readonly knowledge: KnowledgeBase;
  /** Other names for the sheets' terms ("DPRK" → North Korea), loaded with the knowledge. */
  readonly aliases: AliasTable;
  /** Japanese terms → the sheets' English terms, loaded with the knowledge. */
  readonly glossary: Glossary;
  readonly index: ServingIndex;
  readonly retriever: Retriever;
  readonly vocabulary: CorpusVocabulary;
  readonly quotations: QuotationCatalogue;
  readonly documentsById: ReadonlyMap<string, KnowledgeDocument>;
  readonly passagesById: ReadonlyMap<string, Passage>;
}

export function createKnowledgeState(
  knowledge: KnowledgeBase,
  { aliases, glossary }: { readonly aliases: AliasTable; readonly glossary: Glossary },
  index: ServingIndex,
  embedder: QueryEmbedder,
  wordVectors: WordVectorLookup | undefined,
): KnowledgeState {
  const documentsById = new Map(knowledge.documents.map((document) => [document.id, document]));
  const passagesById = new Map(knowledge.passages.map((passage) => [passage.id, passage]));
  const vocabulary = buildCorpusVocabulary(
    knowledge.passages,
    wordVectors,
    documentTerms(knowledge.documents),
  );
  return {
    knowledge,
    aliases,
    glossary,
    index,
    retriever: createRetriever(index, embedder, documentsById, vocabulary, knowledge.passages),
    vocabulary,
    quotations: createQuotationCatalogue(knowledge.quotations, passagesById),
    documentsById,
    passagesById,
  };
}

/** Citation for a passage of this knowledge version. */
export function citationFor(state: KnowledgeState, passage: Passage, marker: number): Citation | undefined {
  const document = state.documentsById.get(passage.documentId);
  if (document === undefined) return undefined;
  return {
    marker,
    passageId: passage.id,
    documentId: document.id,
    title: document.title,
    date: document.date,
    displayDate: document.displayDate,
    section: passage.section,
    passage: passage.text,
  };
}

/** A document's year and title belong to the knowledge too: "the 2019 sheet" is covered. */
function documentTerms(documents: readonly KnowledgeDocument[]): string[] {
  return documents.flatMap((document) => [document.date.slice(0, 4), document.title, document.publisher]);
}
