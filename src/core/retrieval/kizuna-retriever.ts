import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';

import type { RetrievedPassage } from './retrieved-passage.js';

/** Metadata of each document {@link KizunaRetriever} returns: where the passage stands and how close it is. */
export interface PassageMetadata {
  readonly passageId: string;
  readonly documentId: string;
  readonly title: string;
  readonly displayDate: string;
  readonly section: string;
  readonly position: number;
  /** Retrieval score (cosine plus the lexical rerank); higher is closer. */
  readonly score: number;
}

export interface KizunaRetrieverInput extends BaseRetrieverInput {
  /** What answering would retrieve for a question: `KizunaService.retrieve`. */
  readonly retrieve: (question: string, k: number) => Promise<readonly RetrievedPassage[]>;
  /** Passages returned per query. @default 6 */
  readonly k?: number;
}

/**
 * Kizuna's retrieval as LangChain's standard retriever, so it can stand in anyone's chain and the
 * ecosystem's callbacks and tracing see it: the same normalisation, paraphrase expansion, sheet
 * targeting and quotation promotion the bot answers with, returning one `Document` per passage (its
 * verbatim text; metadata as {@link PassageMetadata}).
 */
export class KizunaRetriever extends BaseRetriever<PassageMetadata> {
  lc_namespace = ['kizuna', 'retrievers'];

  private readonly retrieveFn: KizunaRetrieverInput['retrieve'];
  private readonly k: number;

  constructor(fields: KizunaRetrieverInput) {
    super(fields);
    this.retrieveFn = fields.retrieve;
    this.k = fields.k ?? 6;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const passages = await this.retrieveFn(query, this.k);
    return passages.map(
      ({ passage, document, score }) =>
        new Document<PassageMetadata>({
          pageContent: passage.text,
          metadata: {
            passageId: passage.id,
            documentId: document.id,
            title: document.title,
            displayDate: document.displayDate,
            section: passage.section,
            position: passage.position,
            score,
          },
        }),
    );
  }
}
