import { KizunaError } from '../errors.js';

/**
 * A knowledge file (or the knowledge folder) cannot be loaded. The message always names the file and,
 * where there is one, the line (`2019-05-25-us-japan-partnership.md:4: …`), because whoever reads it
 * has to go and fix that file.
 */
export class KnowledgeError extends KizunaError {
  /** The file at fault, as given to the loader (relative to the knowledge folder), or the folder itself. */
  readonly file: string;
  /** 1-based line at fault, when the problem has one. */
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, options?: { cause?: unknown }) {
    super('KNOWLEDGE_INVALID', `${line === undefined ? file : `${file}:${line}`}: ${problem}`, options);
    this.file = file;
    this.line = line;
  }
}
