import type { Glossary } from '../language/glossary.js';
import type { AliasTable } from '../question/alias-table.js';
import { createQuotationCatalogue, type QuotationCatalogue } from '../quotes/find-quotation.js';
import {
  buildCorpusVocabulary,
  type CorpusVocabulary,
  type VocabularyCache,
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

/**
 * Derives everything for one knowledge version.
 * @param vocabularyCache - the per-document vocabulary work of earlier versions (see {@link VocabularyCache}), so a
 *   reload redoes only the documents that changed: at 100,000 passages a whole vocabulary takes seconds.
 */
export function createKnowledgeState(
  knowledge: KnowledgeBase,
  { aliases, glossary }: { readonly aliases: AliasTable; readonly glossary: Glossary },
  index: ServingIndex,
  embedder: QueryEmbedder,
  wordVectors: WordVectorLookup | undefined,
  vocabularyCache?: VocabularyCache,
): KnowledgeState {
  const documentsById = new Map(knowledge.documents.map((document) => [document.id, document]));
  const passagesById = new Map(knowledge.passages.map((passage) => [passage.id, passage]));
  const vocabulary = buildCorpusVocabulary(
    knowledge.passages,
    wordVectors,
    documentTerms(knowledge.documents),
    vocabularyCache,
  );
  // Built on first use (a quotation asked for, or looked up by retrieval): it reads every quotation's and
  // passage's terms, about a second at 100,000 passages, which a reload need not wait for.
  let quotations: QuotationCatalogue | undefined;
  return {
    knowledge,
    aliases,
    glossary,
    index,
    retriever: createRetriever(index, embedder, documentsById, vocabulary, knowledge.passages),
    vocabulary,
    get quotations() {
      quotations ??= createQuotationCatalogue(knowledge.quotations, passagesById);
      return quotations;
    },
    documentsById,
    passagesById,
  };
}

/**
 * The same knowledge version read with another lexicon (aliases and glossary change how questions are read,
 * not the passages). Everything else is shared, the quotation catalogue still built on first use.
 */
export function withLexicon(
  state: KnowledgeState,
  { aliases, glossary }: { readonly aliases: AliasTable; readonly glossary: Glossary },
): KnowledgeState {
  return {
    knowledge: state.knowledge,
    aliases,
    glossary,
    index: state.index,
    retriever: state.retriever,
    vocabulary: state.vocabulary,
    get quotations() {
      return state.quotations;
    },
    documentsById: state.documentsById,
    passagesById: state.passagesById,
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
