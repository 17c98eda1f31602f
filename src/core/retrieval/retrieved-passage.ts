import type { KnowledgeDocument, Passage } from '../types.js';

/** A passage retrieved for a question, with the document it belongs to and how well it matched. */
export interface RetrievedPassage {
  readonly passage: Passage;
  readonly document: KnowledgeDocument;
  /** Higher is better; cosine similarity in [−1, 1] for vector retrieval. */
  readonly score: number;
}
