import { contentTerms } from '../text/content-terms.js';
import type { Answerer, AnswerContext, DraftAnswer } from './answerer.js';
import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { splitSentences } from './split-sentences.js';
import { statesAskedFact, type AskedFor } from './asked-fact.js';

export interface ExtractiveOptions {
  /** Most sentences in one answer. @default 3 */
  readonly maxSentences: number;
  /** A further passage joins the answer only when its score is at least this share of the best one's. @default 0.9 */
  readonly supportingShare: number;
  /** For a question about both sheets, the other sheet's best passage joins at this share. @default 0.5 */
  readonly crossSheetShare: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  maxSentences: 3,
  supportingShare: 0.9,
  crossSheetShare: 0.5,
};

/** A sentence that quotes someone: words in double quotation marks, more than a name's worth. */
const QUOTATION = /["“][^"”]{12,}/u;

interface Candidate {
  readonly index: number;
  readonly retrieved: RetrievedPassage;
  readonly sentence: string;
  readonly terms: ReadonlySet<string>;
}

/**
 * Answers with the fact sheets' own sentences, no model: the best sentence of the best passage, plus
 * sentences from close runners-up that add something the question asked about. Every sentence carries
 * the marker of its passage, so nothing is said that cannot be checked word for word.
 */
export function createExtractiveAnswerer(options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS): Answerer {
  return {
    id: 'extractive',
    async answer(context: AnswerContext): Promise<DraftAnswer> {
      const wanted = new Set(contentTerms(context.standaloneQuestion));
      const candidates = context.passages.map((retrieved, index) =>
        bestSentence(retrieved, index, wanted, context.asks),
      );
      const first = candidates[0];
      if (first === undefined) return { answered: false, text: '' };

      const chosen: Candidate[] = [first];
      const topScore = first.retrieved.score;
      const covered = new Set([...first.terms].filter((term) => wanted.has(term)));

      const crossSheet = context.crossSheet === true;
      if (crossSheet) {
        // Of the other sheet's passages close enough, the one that shares most of the question's words:
        // scores this close are near ties. (Counting only the words fewer than half the passages use
        // measured worse: −2.5 points cited over the seen sets, 2026-12-01.)
        const otherSheet = candidates
          .filter(
            (candidate) =>
              candidate.retrieved.document.id !== first.retrieved.document.id &&
              candidate.retrieved.score >= topScore * options.crossSheetShare,
          )
          .reduce<Candidate | undefined>(
            (best, candidate) =>
              best === undefined || sharedWith(candidate, wanted) > sharedWith(best, wanted)
                ? candidate
                : best,
            undefined,
          );
        if (otherSheet !== undefined) chosen.push(otherSheet);
      }
      for (const candidate of candidates.slice(1)) {
        if (chosen.length >= options.maxSentences) break;
        if (chosen.includes(candidate) || candidate.retrieved.score < topScore * options.supportingShare)
          continue;
        // Both sheets asked for: a second line of a sheet told in one so far ("missile defense" in 2018;
        // "defense systems" and then "the F-35" in 2019).
        const secondOfSheet =
          crossSheet &&
          chosen.filter((item) => item.retrieved.document.id === candidate.retrieved.document.id).length ===
            1;
        const addsSomething =
          secondOfSheet ||
          [...candidate.terms].some((term) => wanted.has(term) && !covered.has(term)) ||
          (context.wantsWords === true &&
            QUOTATION.test(candidate.sentence) &&
            QUOTATION.test(first.sentence));
        if (!addsSomething) continue;
        chosen.push(candidate);
        for (const term of candidate.terms) if (wanted.has(term)) covered.add(term);
      }

      // The best sentence leads; a question about both sheets reads oldest sheet first instead.
      if (crossSheet) {
        chosen.sort(
          (a, b) =>
            a.retrieved.document.date.localeCompare(b.retrieved.document.date) ||
            a.retrieved.passage.position - b.retrieved.passage.position,
        );
      }
      const text = chosen.map((candidate) => `${candidate.sentence} [${candidate.index + 1}]`).join(' ');
      return { answered: true, text };
    },
  };
}

/** How many of the given terms a candidate's sentence uses. */
function sharedWith(candidate: Candidate, wanted: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of candidate.terms) if (wanted.has(term)) shared += 1;
  return shared;
}

function bestSentence(
  retrieved: RetrievedPassage,
  index: number,
  wanted: ReadonlySet<string>,
  asks: AskedFor | undefined,
): Candidate {
  const { passage } = retrieved;
  // Quotations read wrongly when cut, so passages that quote someone are kept whole.
  const sentences = /["“]/.test(passage.text) ? [passage.text] : splitSentences(passage.text);
  let best: Candidate | undefined;
  let bestOverlap = -1;
  for (const sentence of sentences) {
    const terms = new Set(contentTerms(sentence));
    let overlap = 0;
    for (const term of terms) if (wanted.has(term)) overlap++;
    // "How big are the investments?": the sentence with the amount beats one that only shares words.
    if (asks !== undefined && statesAskedFact(asks, sentence)) overlap += 1.5;
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = { index, retrieved, sentence, terms };
    }
  }
  return best ?? { index, retrieved, sentence: passage.text, terms: new Set() };
}
