import { distance } from 'fastest-levenshtein';
import { isStopword } from '../text/stopwords.js';
import type { CorpusVocabulary, WordVectorLookup } from './corpus-vocabulary.js';
import { unit } from './corpus-vocabulary.js';
import type { QuestionTerm, QuestionWords } from './question-terms.js';

export type CoverageKind = 'exact' | 'typo' | 'paraphrase' | 'missing' | 'filler';

export interface TermCoverage {
  readonly term: QuestionTerm;
  readonly kind: CoverageKind;
  /** The fact sheets' word that covers it (for typo and paraphrase). */
  readonly via?: string;
}

export interface CoverageOptions {
  /** Cosine similarity of word vectors above which a word counts as a paraphrase of a word the sheets use. */
  readonly paraphraseSimilarity: number;
}

export const DEFAULT_COVERAGE_OPTIONS: CoverageOptions = { paraphraseSimilarity: 0.62 };

/**
 * Decides, for every content term of a question, whether the fact sheets use it (exactly, misspelt or in
 * other words). Score thresholds alone let near-domain questions through ("Tokyo's population"): the
 * retrieval score is high because "Tokyo" matches; the uncovered "population" is what says no.
 */
export function assessCoverage(
  question: QuestionWords,
  vocabulary: CorpusVocabulary,
  vectors: WordVectorLookup | undefined,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
): TermCoverage[] {
  return question.terms.map((term) => assessTerm(term, vocabulary, vectors, options));
}

function assessTerm(
  term: QuestionTerm,
  vocabulary: CorpusVocabulary,
  vectors: WordVectorLookup | undefined,
  options: CoverageOptions,
): TermCoverage {
  if (vocabulary.stemPassageCounts.has(term.stem)) return { term, kind: 'exact' };
  // Numbers are facts: "2020" is not a typo of "2016".
  if (term.numeric) return { term, kind: 'missing' };

  const known = vectors?.vector(term.token);
  if (known === undefined) {
    // Not an English word we know: most likely a misspelling, of a topic word or of a filler word.
    const typoOf = closestWord(term.token, vocabulary);
    if (typoOf !== undefined) return { term, kind: 'typo', via: typoOf };
    if (isLikelyMisspeltFiller(term.token)) return { term, kind: 'filler' };
    return { term, kind: 'missing' };
  }

  const paraphraseOf = closestMeaning(known, vocabulary, options.paraphraseSimilarity);
  if (paraphraseOf !== undefined) return { term, kind: 'paraphrase', via: paraphraseOf };
  // A real word can still be a slip of the keyboard ("tread" for "trade"), but only trust that for longer words.
  if (term.token.length >= 6) {
    const typoOf = closestWord(term.token, vocabulary, 1);
    if (typoOf !== undefined) return { term, kind: 'typo', via: typoOf };
  }
  return { term, kind: 'missing' };
}

/** The fact sheets' word within a small edit distance, if any. */
function closestWord(token: string, vocabulary: CorpusVocabulary, maxEdits?: number): string | undefined {
  if (token.length < 4) return undefined;
  const allowed = maxEdits ?? (token.length >= 8 ? 2 : 1);
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (let length = token.length - allowed; length <= token.length + allowed; length++) {
    for (const word of vocabulary.wordsByLength.get(length) ?? []) {
      const edits = distance(token, word);
      if (edits < bestDistance) {
        bestDistance = edits;
        best = word;
      }
    }
  }
  return best;
}

function closestMeaning(vector: Float32Array, vocabulary: CorpusVocabulary, threshold: number): string | undefined {
  const query = unit(vector);
  let best: string | undefined;
  let bestSimilarity = threshold;
  for (const candidate of vocabulary.wordVectors) {
    let dot = 0;
    for (let i = 0; i < query.length; i++) dot += (query[i] ?? 0) * (candidate.vector[i] ?? 0);
    if (dot >= bestSimilarity) {
      bestSimilarity = dot;
      best = candidate.word;
    }
  }
  return best;
}

/** Filler words people misspell ("waht", "abotu", "teh"): one edit from a stopword. */
const FILLER_WORDS = [
  'what',
  'about',
  'which',
  'where',
  'when',
  'does',
  'did',
  'the',
  'they',
  'there',
  'their',
  'with',
  'have',
  'tell',
  'many',
  'much',
  'would',
  'could',
  'should',
  'between',
];

function isLikelyMisspeltFiller(token: string): boolean {
  if (isStopword(token)) return true;
  return FILLER_WORDS.some((word) => Math.abs(word.length - token.length) <= 1 && distance(word, token) <= 1) ||
    // a transposition counts as one slip
    FILLER_WORDS.some((word) => word.length === token.length && [...word].sort().join('') === [...token].sort().join(''));
}
