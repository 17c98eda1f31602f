import type { Answer } from '../core/types.js';
import { NOT_A_QUESTION_KINDS, type EvalQuestion, type QuestionKind } from './load-questions.js';
import { percentile } from './percentiles.js';

/** What happened when one question was asked: an answer, or the error the core threw instead. */
export interface AskOutcome {
  readonly answer?: Answer;
  readonly error?: string;
  /** Wall-clock time of the `ask` call, as a user would experience it. */
  readonly elapsedMs: number;
}

/** Top passages returned by the core's optional `retrieve`, best first. */
export interface RetrievalOutcome {
  readonly passageTexts: readonly string[];
  readonly passageIds: readonly (string | undefined)[];
}

/** One question's outcome, judged. */
export interface QuestionResult {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly question: string;
  readonly answerable: boolean;
  /** The core gave an answer (not a refusal, not an error). */
  readonly answered: boolean;
  /** The kind of reply (`Answer.outcome`); absent after an error. */
  readonly outcome?: string;
  /** Not a question (chit-chat, garbage): it should get the friendly reply; null for real questions. */
  readonly friendlyExpected: boolean | null;
  /** The question shares no content word with its answering sentence (from the question set). */
  readonly noSharedContentWord: boolean;
  readonly error?: string;
  readonly answerText: string;
  readonly answerer?: string;
  readonly citedPassageIds: readonly string[];
  readonly citedDocumentIds: readonly string[];
  /** Some citation contains an expected passage; null for unanswerable questions. */
  readonly citationCorrect: boolean | null;
  /** Citation [1] contains an expected passage; null for unanswerable questions. */
  readonly rank1Correct: boolean | null;
  readonly missingKeyFacts: readonly string[];
  /** Expected documents no citation comes from; empty unless cross-sheet. */
  readonly missingDocuments: readonly string[];
  /** Citations cover every expected document; null when the question expects none. */
  readonly documentsCovered: boolean | null;
  /** Null when retrieval was not measured for this question. */
  readonly retrieval: {
    readonly recallAt1: boolean;
    readonly recallAt3: boolean;
    readonly topPassageIds: readonly (string | undefined)[];
  } | null;
  readonly latencyMs: number;
  /** True when nothing in {@link failures} applies. */
  readonly correct: boolean;
  /** Why the question failed, in words, e.g. "refused an answerable question". */
  readonly failures: readonly string[];
}

/** Figures over a set of results; a figure is null when no question in the set can measure it. */
export interface EvalMetrics {
  readonly n: number;
  readonly answerable: number;
  readonly unanswerable: number;
  /** Answerable questions whose answer cites a correct passage (a refusal counts as a miss). */
  readonly citationAccuracy: number | null;
  /** Answerable questions whose citation [1] is correct. */
  readonly rank1CitationAccuracy: number | null;
  /** Answerable questions answered with every key fact in the answer text. */
  readonly keyFactRate: number | null;
  /** Questions with expected documents whose citations cover all of them. */
  readonly crossSheetCoverage: number | null;
  /** Unanswerable real questions (near-domain, out-of-scope) that were refused (an error is not a refusal). */
  readonly refusalRate: number | null;
  /** Non-questions and garbage given the friendly reply (chit-chat or "what would you like to know?"). */
  readonly friendlyRate: number | null;
  /** Answerable questions sharing no content word with their answer whose answer cites a correct passage. */
  readonly noSharedWordCitationAccuracy: number | null;
  /** Answerable questions that were refused. */
  readonly wrongRefusalRate: number | null;
  /** Questions where retrieval was measured and an expected passage came first. */
  readonly recallAt1: number | null;
  /** Questions where retrieval was measured and an expected passage was in the top three. */
  readonly recallAt3: number | null;
  readonly latencyMedianMs: number | null;
  readonly latencyP95Ms: number | null;
  /** Questions whose `ask` threw. */
  readonly errorCount: number;
}

/**
 * Canonical form for comparing texts: Unicode-compatible forms, typographic quotes and hyphens made plain,
 * lower case, runs of whitespace collapsed. Answers may be typeset differently from the sheets without
 * being wrong.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `haystack` contains `needle` once both are normalised. */
export function containsNormalised(haystack: string, needle: string): boolean {
  return normaliseText(haystack).includes(normaliseText(needle));
}

/**
 * A cited passage is correct when it contains any of the expected passages. A section's summary is cited
 * without its heading, but the sheet's line reads "HEADING: summary", so an expected passage quoting the
 * heading is matched against that line (pass `section`).
 */
export function isCorrectCitation(
  passage: string,
  expectedPassages: readonly string[],
  section?: string,
): boolean {
  const line = section === undefined || section === '' ? passage : `${section}: ${passage}`;
  return expectedPassages.some(
    (expected) => containsNormalised(passage, expected) || containsNormalised(line, expected),
  );
}

/** Key facts absent from the answer text (all must be present). */
export function findMissingKeyFacts(answerText: string, keyFacts: readonly string[]): string[] {
  return keyFacts.filter((fact) => !containsNormalised(answerText, fact));
}

/** Expected documents that no citation comes from. */
export function findMissingDocuments(
  citedDocumentIds: readonly string[],
  expectedDocuments: readonly string[],
): string[] {
  return expectedDocuments.filter((id) => !citedDocumentIds.includes(id));
}

/**
 * Judges one outcome against its question.
 * Retrieval is judged only when `retrieval` is given (the caller skips follow-ups, whose meaning depends on history).
 */
export function scoreQuestion(
  question: EvalQuestion,
  outcome: AskOutcome,
  retrieval?: RetrievalOutcome,
): QuestionResult {
  const answer = outcome.answer;
  const answered = outcome.error === undefined && answer?.answered === true;
  const citations = answered && answer ? answer.citations : [];
  const expected = question.expectedPassages ?? [];
  const failures: string[] = [];
  const friendlyExpected = NOT_A_QUESTION_KINDS.includes(question.kind) || question.jaKind === 'non-question';

  const citedPassageIds = citations.map((c) => c.passageId);
  const citedDocumentIds = [...new Set(citations.map((c) => c.documentId))];
  // The sources list should be ordered by marker, but judge [1] by its marker, not by its position.
  const first = citations.find((c) => c.marker === 1) ?? citations[0];

  let citationCorrect: boolean | null = null;
  let rank1Correct: boolean | null = null;
  let missingKeyFacts: string[] = [];
  let missingDocuments: string[] = [];

  if (outcome.error !== undefined) failures.push(`error: ${outcome.error}`);

  if (question.answerable) {
    citationCorrect = citations.some((c) => isCorrectCitation(c.passage, expected, c.section));
    rank1Correct = first !== undefined && isCorrectCitation(first.passage, expected, first.section);
    missingKeyFacts = answered
      ? findMissingKeyFacts(answer?.text ?? '', question.keyFacts ?? [])
      : [...(question.keyFacts ?? [])];
    missingDocuments = findMissingDocuments(citedDocumentIds, question.expectedDocuments ?? []);

    if (outcome.error === undefined && !answered) {
      failures.push('refused an answerable question');
    } else if (answered) {
      if (!citationCorrect) {
        failures.push(
          citations.length === 0 ? 'answered without citations' : 'no citation contains an expected passage',
        );
      }
      if (missingKeyFacts.length > 0) failures.push(`answer lacks key facts: ${missingKeyFacts.join(', ')}`);
      if (missingDocuments.length > 0) failures.push(`no citation from: ${missingDocuments.join(', ')}`);
    }
  } else if (answered) {
    failures.push('answered a question the fact sheets do not cover');
  } else if (friendlyExpected && outcome.error === undefined && !isFriendly(answer)) {
    failures.push(`not a question, but replied as ${answer?.outcome ?? 'unknown'}`);
  }

  return {
    id: question.id,
    kind: question.kind,
    question: question.question,
    answerable: question.answerable,
    answered,
    ...(answer?.outcome === undefined ? {} : { outcome: answer.outcome }),
    friendlyExpected: question.answerable ? null : friendlyExpected,
    noSharedContentWord: question.noSharedContentWord === true,
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
    answerText: answer?.text ?? '',
    ...(answer ? { answerer: answer.answerer } : {}),
    citedPassageIds,
    citedDocumentIds,
    citationCorrect,
    rank1Correct,
    missingKeyFacts,
    missingDocuments,
    documentsCovered: question.expectedDocuments?.length ? answered && missingDocuments.length === 0 : null,
    retrieval: retrieval ? judgeRetrieval(retrieval, expected) : null,
    latencyMs: Math.round(outcome.elapsedMs * 10) / 10,
    correct: failures.length === 0,
    failures,
  };
}

/** The friendly replies a non-question should get: never an answer, never "the sheets don't mention …". */
function isFriendly(answer: Answer | undefined): boolean {
  return answer?.outcome === 'chit-chat' || answer?.outcome === 'unclear';
}

function judgeRetrieval(
  retrieval: RetrievalOutcome,
  expected: readonly string[],
): NonNullable<QuestionResult['retrieval']> {
  const hits = retrieval.passageTexts.map((text) => isCorrectCitation(text, expected));
  return {
    recallAt1: hits.slice(0, 1).some(Boolean),
    recallAt3: hits.slice(0, 3).some(Boolean),
    topPassageIds: retrieval.passageIds.slice(0, 3),
  };
}

/** Aggregates results into {@link EvalMetrics}. */
export function summarise(results: readonly QuestionResult[]): EvalMetrics {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const withDocuments = results.filter((r) => r.documentsCovered !== null);
  const withRetrieval = results.filter((r) => r.retrieval !== null);
  const latencies = results.map((r) => r.latencyMs);

  return {
    n: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    citationAccuracy: rate(answerable, (r) => r.citationCorrect === true),
    rank1CitationAccuracy: rate(answerable, (r) => r.rank1Correct === true),
    keyFactRate: rate(answerable, (r) => r.answered && r.missingKeyFacts.length === 0),
    crossSheetCoverage: rate(withDocuments, (r) => r.documentsCovered === true),
    refusalRate: rate(
      unanswerable.filter((r) => r.friendlyExpected !== true),
      (r) => !r.answered && r.error === undefined,
    ),
    friendlyRate: rate(
      unanswerable.filter((r) => r.friendlyExpected === true),
      (r) => r.error === undefined && r.failures.length === 0,
    ),
    noSharedWordCitationAccuracy: rate(
      answerable.filter((r) => r.noSharedContentWord),
      (r) => r.citationCorrect === true,
    ),
    wrongRefusalRate: rate(answerable, (r) => !r.answered && r.error === undefined),
    recallAt1: rate(withRetrieval, (r) => r.retrieval?.recallAt1 === true),
    recallAt3: rate(withRetrieval, (r) => r.retrieval?.recallAt3 === true),
    latencyMedianMs: latencies.length === 0 ? null : percentile(latencies, 50),
    latencyP95Ms: latencies.length === 0 ? null : percentile(latencies, 95),
    errorCount: results.filter((r) => r.error !== undefined).length,
  };
}

/** Metrics per question kind, in the order the kinds first appear. */
export function summariseByKind(
  results: readonly QuestionResult[],
): Partial<Record<QuestionKind, EvalMetrics>> {
  const groups = new Map<QuestionKind, QuestionResult[]>();
  for (const r of results) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r]);
  return Object.fromEntries([...groups].map(([kind, group]) => [kind, summarise(group)]));
}

function rate<T>(items: readonly T[], passes: (item: T) => boolean): number | null {
  if (items.length === 0) return null;
  return items.filter(passes).length / items.length;
}
