import type { QuestionTerm, QuestionWords } from './question-terms.js';
import type { TermCoverage } from './term-coverage.js';

export interface CoverageVerdict {
  /** True when the fact sheets use (or clearly paraphrase) enough of what the question asks about. */
  readonly covered: boolean;
  /** Content terms other than filler; zero means the question names no topic at all. */
  readonly salientCount: number;
  /** What the question asks about that the sheets never mention, as the person typed it ("Trans-Pacific Partnership"). */
  readonly missing: readonly string[];
}

export interface VerdictOptions {
  /** Weighted share of a question's topic words that may be missing before it is refused. @default 0.3 */
  readonly maxMissingShare: number;
  /** How much a term says about the topic, in [0, 1]; common words say less. @default every term weighs 1 */
  readonly weightOf: (term: QuestionTerm) => number;
}

export const DEFAULT_VERDICT_OPTIONS: VerdictOptions = { maxMissingShare: 0.3, weightOf: () => 1 };

/**
 * Weights a term by how rare the word is in English (its frequency rank in the word table): "put" or
 * "big" (ranks in the hundreds) say little about the topic, "tariffs" or "resign" say a lot.
 */
export function rarityWeight(rank: (word: string) => number | undefined): (term: QuestionTerm) => number {
  const common = 50;
  const specific = 3_000;
  return (term) => {
    const found = rank(term.token);
    if (found === undefined || term.properNoun || (term.numeric && term.approximate !== true)) return 1;
    return Math.min(
      1,
      Math.max(0.1, Math.log(Math.max(found, common) / common) / Math.log(specific / common)),
    );
  };
}

/**
 * A missing term that settles a refusal on its own: a number (unless offered as a guess, "like 400bn?"),
 * or a name, capitalised or known to be one ("osaka", "france").
 */
export function isDecisive(item: TermCoverage): boolean {
  if (item.kind !== 'missing') return false;
  return (item.term.numeric && item.term.approximate !== true) || item.term.properNoun || item.name === true;
}

/**
 * A name or a number the sheets never use is decisive ("Biden", "2020", "NATO"); ordinary words are
 * weighed: one unknown word among many is usually phrasing, among two it is usually the point.
 */
export function judgeCoverage(
  question: QuestionWords,
  coverage: readonly TermCoverage[],
  options: Partial<VerdictOptions> = {},
): CoverageVerdict {
  const { maxMissingShare, weightOf } = { ...DEFAULT_VERDICT_OPTIONS, ...options };
  const salient = coverage.filter((item) => item.kind !== 'filler');
  const missingTerms = salient.filter((item) => item.kind === 'missing');
  const decisive = missingTerms.some(isDecisive);
  const weigh = (items: readonly TermCoverage[]) => items.reduce((sum, item) => sum + weightOf(item.term), 0);
  const total = weigh(salient);
  const share = total === 0 ? 0 : weigh(missingTerms) / total;
  const covered = salient.length > 0 && !decisive && share <= maxMissingShare;
  return {
    covered,
    salientCount: salient.length,
    missing: covered ? [] : nameMissing(question, missingTerms),
  };
}

/** Expands each missing word to the run of capitalised words it stands in ("Trans-Pacific Partnership"). */
function nameMissing(question: QuestionWords, missing: readonly TermCoverage[]): string[] {
  const phrases: string[] = [];
  const used = new Set<number>();
  for (const { term } of missing) {
    if (used.has(term.wordIndex)) continue;
    let start = term.wordIndex;
    let end = term.wordIndex;
    if (term.properNoun) {
      const capital = (index: number) => /^\p{Lu}/u.test(question.words[index] ?? '');
      while (start > 0 && capital(start - 1) && start - 1 > 0) start--;
      while (end + 1 < question.words.length && capital(end + 1)) end++;
    }
    for (let i = start; i <= end; i++) used.add(i);
    const phrase = question.words
      .slice(start, end + 1)
      .join(' ')
      .replace(/['’]s$/u, '');
    // "the Trans-Pacific Partnership" reads better than "Trans-Pacific Partnership" when the person wrote it so.
    const article = term.properNoun && /^the$/i.test(question.words[start - 1] ?? '') ? 'the ' : '';
    phrases.push(article + phrase);
  }
  return phrases;
}
