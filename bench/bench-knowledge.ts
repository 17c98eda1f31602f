import { readKnowledgeFiles, readLexiconFiles, type KnowledgeFile } from './knowledge-files.js';
import { generateSyntheticKnowledge } from './synthetic-knowledge.js';

/** The shipped knowledge folder as the product reads it: the fact sheets and, beside them, the lexicon. */
export interface ShippedKnowledge {
  /** The fact sheets, in name order. */
  readonly sheets: readonly KnowledgeFile[];
  /** The alias and glossary files (see LEXICON_FOLDERS), unchanged. */
  readonly lexicon: readonly KnowledgeFile[];
}

/** One knowledge folder the bench measures. */
export interface BenchKnowledgeFolder {
  /** The sheets (real, then synthetic) and the shipped lexicon, ready for `writeKnowledgeFiles`. */
  readonly files: readonly KnowledgeFile[];
  /** The sheet whose last passage the one-change reload edits: the last sheet in name order. */
  readonly editFile: string;
}

export async function readShippedKnowledge(dir: string): Promise<ShippedKnowledge> {
  return { sheets: await readKnowledgeFiles(dir), lexicon: await readLexiconFiles(dir) };
}

/**
 * The knowledge folder the bench measures at one size: the real sheets, or a synthetic base grown from them, and
 * in every case the shipped aliases and glossary unchanged, so each size runs the product users run (the synthetic
 * sheets are about other partners; the same aliases apply to the questions).
 */
export function benchKnowledgeFolder(
  shipped: ShippedKnowledge,
  size: 'real' | number,
  seed: number,
): BenchKnowledgeFolder {
  const sheets =
    size === 'real'
      ? shipped.sheets
      : generateSyntheticKnowledge(shipped.sheets, { passages: size, seed }).files;
  // The last sheet sorts last: a synthetic one at every synthetic size, a real one otherwise.
  const editFile = sheets[sheets.length - 1]?.name;
  if (editFile === undefined) throw new Error('the bench needs at least one fact sheet');
  return { files: [...sheets, ...shipped.lexicon], editFile };
}
