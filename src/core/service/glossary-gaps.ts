import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { missingGlossaryTerms } from '../language/glossary-coverage.js';
import type { Glossary } from '../language/glossary.js';
import { TEXT_PIPELINE_VERSION } from '../text/content-terms.js';

/** Most missing words a gap report names (the commonest). */
export const GLOSSARY_GAP_TERMS = 20;

/** What the glossary gap check found: how many of the sheets' words no Japanese entry reaches, and the commonest. */
export interface GlossaryGaps {
  readonly count: number;
  /** At most {@link GLOSSARY_GAP_TERMS}, commonest first. */
  readonly terms: readonly string[];
}

/**
 * Remembers the gap check of one knowledge and lexicon version across restarts: the check reads every passage
 * (about 2.5 s at 100,000), and a start with the same files as the last one would only repeat its answer.
 */
export interface GlossaryGapsMemo {
  read(key: string): Promise<GlossaryGaps | undefined>;
  write(key: string, gaps: GlossaryGaps): Promise<void>;
}

/** The gaps of these passages (see {@link missingGlossaryTerms}). */
export function findGlossaryGaps(
  passages: readonly { readonly text: string }[],
  glossary: Glossary,
): GlossaryGaps {
  const missing = missingGlossaryTerms(passages, glossary);
  return { count: missing.length, terms: missing.slice(0, GLOSSARY_GAP_TERMS) };
}

/**
 * The memo key of a knowledge and lexicon version: the check's result depends on nothing else but the text
 * pipeline (tokenise, stopwords, stem), whose version is part of it.
 */
export function glossaryGapsKey(knowledgeFingerprint: string, lexiconFingerprint: string): string {
  return `text-pipeline-${TEXT_PIPELINE_VERSION}:${knowledgeFingerprint}:${lexiconFingerprint}`;
}

/**
 * A {@link GlossaryGapsMemo} in one small JSON file (e.g. beside the index), holding the last version's result.
 * A missing, unreadable or malformed file reads as nothing remembered.
 */
export function glossaryGapsFile(path: string): GlossaryGapsMemo {
  return {
    async read(key) {
      let saved: unknown;
      try {
        saved = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        return undefined;
      }
      if (typeof saved !== 'object' || saved === null) return undefined;
      const { key: savedKey, count, terms } = saved as Record<string, unknown>;
      if (savedKey !== key || typeof count !== 'number' || !Array.isArray(terms)) return undefined;
      if (!terms.every((term) => typeof term === 'string')) return undefined;
      return { count, terms };
    },
    async write(key, gaps) {
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${process.pid}.tmp`;
      await writeFile(partial, `${JSON.stringify({ key, count: gaps.count, terms: gaps.terms })}\n`);
      await rename(partial, path);
    },
  };
}
