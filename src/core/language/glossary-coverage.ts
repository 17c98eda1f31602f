import { contentTokens } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import type { Glossary } from './glossary.js';
import { ENGLISH_NUMBER_WORDS } from './japanese-numbers.js';

/** An English content term the fact sheets use, which a Japanese question should be able to reach. */
export interface EnglishTerm {
  /** The stem that identifies it (what retrieval and the coverage check compare), e.g. "invest". */
  readonly stem: string;
  /** Its commonest form in the passages, e.g. "investment". */
  readonly word: string;
  /** How many passages use it. */
  readonly passages: number;
}

/** How much of the sheets' vocabulary the glossary reaches. */
export interface GlossaryCoverage {
  /** Share of distinct terms with a Japanese entry, 0–1. */
  readonly byTerm: number;
  /** Share weighted by how many passages use each term, 0–1: the figure that matters for questions. */
  readonly byPassageFrequency: number;
  readonly termCount: number;
  readonly coveredCount: number;
  /** Terms with no entry, commonest first. */
  readonly missing: readonly EnglishTerm[];
}

/**
 * Every English content term the passages use: tokenised, stopwords removed and stemmed exactly as
 * retrieval does (src/core/text), so "invested" and "investment" are one term. Numbers and codes with
 * digits ("850,000", "F-35", "B-1") are left out: Japanese numbers are converted, not glossed, and codes
 * are typed in Latin letters in Japanese too. Sorted by passage count, then alphabetically.
 */
export function englishTermsToCover(passages: readonly { readonly text: string }[]): EnglishTerm[] {
  const byStem = new Map<string, { passages: number; forms: Map<string, number> }>();
  for (const passage of passages) {
    const seen = new Set<string>();
    for (const token of contentTokens(passage.text)) {
      if (/\p{N}/u.test(token)) continue;
      const term = stem(token);
      const entry = byStem.get(term) ?? { passages: 0, forms: new Map<string, number>() };
      entry.forms.set(token, (entry.forms.get(token) ?? 0) + 1);
      if (!seen.has(term)) {
        entry.passages += 1;
        seen.add(term);
      }
      byStem.set(term, entry);
    }
  }
  return [...byStem.entries()]
    .map(([term, entry]) => ({ stem: term, word: commonestForm(entry.forms), passages: entry.passages }))
    .sort((a, b) => b.passages - a.passages || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/**
 * The English stems a Japanese question can reach: those of the glossary's English sides, and the words
 * the number reader writes (months, "four", "third", "rounds").
 */
export function reachableStems(glossary: Glossary): ReadonlySet<string> {
  const stems = new Set<string>();
  for (const entry of glossary.entries) for (const token of contentTokens(entry.en)) stems.add(stem(token));
  for (const word of ENGLISH_NUMBER_WORDS) for (const token of contentTokens(word)) stems.add(stem(token));
  return stems;
}

/** Coverage of the passages' English terms by the glossary and number reader (see {@link englishTermsToCover}). */
export function glossaryCoverage(
  passages: readonly { readonly text: string }[],
  glossary: Glossary,
): GlossaryCoverage {
  const terms = englishTermsToCover(passages);
  const reached = reachableStems(glossary);
  const missing = terms.filter((term) => !reached.has(term.stem));
  const total = terms.reduce((sum, term) => sum + term.passages, 0);
  const missed = missing.reduce((sum, term) => sum + term.passages, 0);
  return {
    byTerm: terms.length === 0 ? 1 : (terms.length - missing.length) / terms.length,
    byPassageFrequency: total === 0 ? 1 : (total - missed) / total,
    termCount: terms.length,
    coveredCount: terms.length - missing.length,
    missing,
  };
}

/**
 * The English words of the passages that no Japanese entry reaches, commonest first: what the index
 * build should log when a new fact sheet brings vocabulary the glossary lacks (e.g. ["okinawa"]).
 */
export function missingGlossaryTerms(
  passages: readonly { readonly text: string }[],
  glossary: Glossary,
): string[] {
  return glossaryCoverage(passages, glossary).missing.map((term) => term.word);
}

function commonestForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
