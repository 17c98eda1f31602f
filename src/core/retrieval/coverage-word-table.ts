import { WordResolver } from '../embeddings/word-resolver.js';
import type { WordVectorTable } from '../embeddings/word-vector-table.js';
import type { CoverageWordTable } from './term-coverage.js';

/** The shipped word table, with the embedder's own typo correction, as the coverage check needs it. */
export function createCoverageWordTable(table: WordVectorTable): CoverageWordTable {
  const resolver = new WordResolver(table);
  return {
    vector: (word) => table.vector(word),
    rank: (word) => table.rank(word),
    correct(token) {
      const match = resolver.resolve(token, true);
      return match === undefined ? undefined : table.wordAt(match.row);
    },
  };
}
