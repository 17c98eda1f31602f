import type { RetrievedPassage } from '../answer/answerer.js';
import { contentTerms } from '../text/content-terms.js';
import type { KnowledgeDocument, Passage } from '../types.js';
import type { CorpusVocabulary } from './corpus-vocabulary.js';

/** What retrieval needs of the vector index: nearest passages to a vector, cosine similarity, best first. */
export interface VectorSearch {
  searchByVector(
    vector: number[],
    k: number,
    filter?: (passage: Passage) => boolean,
  ): Array<{ passage: Passage; score: number }>;
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
  /**
   * Weight of the IDF-weighted share of the query's terms found (stemmed) in a passage, added to cosine.
   * @default 0.15
   */
  readonly lexicalWeight: number;
  /** Fewest candidates fetched from the index for reranking, however small k is. @default 48 */
  readonly candidates: number;
}

export const DEFAULT_RETRIEVER_SETTINGS: RetrieverSettings = { lexicalWeight: 0.5, candidates: 48 };

/**
 * Vector search over the index, then a light lexical rerank of the candidates: the vector finds
 * paraphrases and typos, the exact terms break ties between passages that say similar things. Terms are
 * weighted by how rare they are in this corpus, so in a large archive the one word that names the subject
 * ("Japanese" among many partners' "companies support American jobs") decides.
 *
 * @param vocabulary - how many passages use each stem, for IDF.
 */
export function createRetriever(
  index: VectorSearch,
  embedder: QueryEmbedder,
  documents: ReadonlyMap<string, KnowledgeDocument>,
  vocabulary: Pick<CorpusVocabulary, 'stemPassageCounts' | 'passageCount'>,
  settings: RetrieverSettings = DEFAULT_RETRIEVER_SETTINGS,
): Retriever {
  const idf = (term: string) =>
    Math.log(1 + vocabulary.passageCount / ((vocabulary.stemPassageCounts.get(term) ?? 0) + 1));
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
      const only = options.documentIds === undefined ? undefined : new Set(options.documentIds);
      const filter = only === undefined ? undefined : (passage: Passage) => only.has(passage.documentId);
      const wanted = [...new Set(contentTerms(query))].map((term) => ({ term, weight: idf(term) }));
      const wantedWeight = wanted.reduce((sum, item) => sum + item.weight, 0);
      const results: RetrievedPassage[] = [];
      for (const hit of index.searchByVector(vector, candidateCount(k, settings), filter)) {
        const document = documents.get(hit.passage.documentId);
        if (document === undefined) continue;
        const terms = termsOf(hit.passage);
        let found = 0;
        for (const item of wanted) if (terms.has(item.term)) found += item.weight;
        const share = wantedWeight === 0 ? 0 : found / wantedWeight;
        results.push({ passage: hit.passage, document, score: hit.score + settings.lexicalWeight * share });
      }
      results.sort((a, b) => b.score - a.score);
      return results.slice(0, k);
    },
  };
}


/** How many candidates retrieving `k` passages fetches from the index (benchmarks fetch the same from raw hnswlib). */
export function candidateCount(k: number, settings: RetrieverSettings = DEFAULT_RETRIEVER_SETTINGS): number {
  return Math.max(k * 4, settings.candidates);
}
