import { join } from 'node:path';

import type { RetrievedPassage } from '../../../src/core/retrieval/retrieved-passage.js';
import { loadKnowledge } from '../../../src/core/knowledge/index.js';

const KNOWLEDGE_DIR = join(import.meta.dirname, '../../../knowledge');

/**
 * Finds real fact-sheet passages by a phrase unique to each, so fixtures stay readable ("four rounds of
 * sanctions") and fail loudly if the knowledge changes under them.
 */
export async function passageFinder(): Promise<(phrase: string) => RetrievedPassage> {
  const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
  const documents = new Map(knowledge.documents.map((document) => [document.id, document]));
  return (phrase) => {
    const matches = knowledge.passages.filter((passage) => passage.text.includes(phrase));
    const [passage] = matches;
    if (matches.length !== 1 || passage === undefined) {
      throw new Error(`"${phrase}" matches ${matches.length} passages; fixtures need exactly one`);
    }
    const document = documents.get(passage.documentId);
    if (document === undefined) throw new Error(`no document ${passage.documentId}`);
    return { passage, document, score: 1 };
  };
}
