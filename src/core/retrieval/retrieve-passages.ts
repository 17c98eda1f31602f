import type { RetrievedPassage } from '../answer/answerer.js';
import { contentTerms } from '../text/content-terms.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/** What retrieval needs of the vector index: nearest passages to a vector, cosine similarity, best first. */
export interface VectorSearch {
  searchByVector(vector: number[], k: number): Array<{ passage: Passage; score: number }>;
}

export interface QueryEmbedder {
  embedQuery(text: string): Promise<number[]>;
}

export interface RetrieveOptions {
  /** Only passages of these documents (e.g. "what did the 2019 sheet say"). */
  readonly documentIds?: readonly string[];
}

export interface Retriever {
  retrieve(query: string, k: number, options?: RetrieveOptions): Promise<RetrievedPassage[]>;
}

export interface RetrieverSettings {
  /** Weight of the share of the query's terms found verbatim (stemmed) in a passage, added to cosine. @default 0.15 */
  readonly lexicalWeight: number;
  /** Candidates fetched from the index per result, so reranking and document filters have room. @default 4 */
  readonly overfetch: number;
}

export const DEFAULT_RETRIEVER_SETTINGS: RetrieverSettings = { lexicalWeight: 0.15, overfetch: 4 };

/**
 * Vector search over the index, then a light lexical rerank of the few candidates: the vector finds
 * paraphrases and typos, the exact terms break ties between passages that say similar things.
 */
export function createRetriever(
  index: VectorSearch,
  embedder: QueryEmbedder,
  documents: ReadonlyMap<string, KnowledgeDocument>,
  settings: RetrieverSettings = DEFAULT_RETRIEVER_SETTINGS,
): Retriever {
  const passageTerms = new Map<string, ReadonlySet<string>>();
  const termsOf = (passage: Passage) => {
    let terms = passageTerms.get(passage.id);
    if (terms === undefined) {
      terms = new Set(contentTerms(passage.text));
      passageTerms.set(passage.id, terms);
    }
    return terms;
  };

  return {
    async retrieve(query, k, options = {}) {
      const vector = await embedder.embedQuery(query);
      const filter = options.documentIds === undefined ? undefined : new Set(options.documentIds);
      const wanted = [...new Set(contentTerms(query))];
      const fetch = filter === undefined ? k * settings.overfetch : Math.max(k * settings.overfetch * 4, 64);
      const results: RetrievedPassage[] = [];
      for (const hit of index.searchByVector(vector, fetch)) {
        if (filter !== undefined && !filter.has(hit.passage.documentId)) continue;
        const document = documents.get(hit.passage.documentId);
        if (document === undefined) continue;
        const terms = termsOf(hit.passage);
        const found =
          wanted.length === 0 ? 0 : wanted.filter((term) => terms.has(term)).length / wanted.length;
        results.push({ passage: hit.passage, document, score: hit.score + settings.lexicalWeight * found });
      }
      results.sort((a, b) => b.score - a.score);
      return results.slice(0, k);
    },
  };
}
