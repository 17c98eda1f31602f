import type { EvalQuestion } from '../src/eval/load-questions.js';

/** A real question whose right answer is known: some passage containing one of `expectedPassages`. */
export interface RecallQuestion {
  readonly question: string;
  /** Verbatim substrings of the passages that answer it. */
  readonly expectedPassages: readonly string[];
}

/** A retrieved passage, as much of it as recall needs. */
export interface RetrievedForRecall {
  readonly passage: { readonly id: string; readonly text: string };
}

/**
 * The questions recall is measured on, as the evaluation does: answerable ones that stand alone (a follow-up's
 * meaning lives in its history, which retrieval alone never sees).
 */
export function recallQuestions(questions: readonly EvalQuestion[]): RecallQuestion[] {
  return questions
    .filter(
      (question) =>
        question.answerable && question.kind !== 'follow-up' && (question.expectedPassages?.length ?? 0) > 0,
    )
    .map((question) => ({ question: question.question, expectedPassages: question.expectedPassages ?? [] }));
}

/**
 * Whether a real passage that answers the question is among `hits`. Only passages whose ids are in `realPassageIds`
 * count: a synthetic passage may repeat the expected words, but finding it is not finding the fact sheet.
 */
export function isRecalled(
  hits: readonly RetrievedForRecall[],
  expectedPassages: readonly string[],
  realPassageIds: ReadonlySet<string>,
): boolean {
  return hits.some(
    (hit) =>
      realPassageIds.has(hit.passage.id) &&
      expectedPassages.some((expected) => hit.passage.text.includes(expected)),
  );
}

export interface RecallResult {
  /** Share of questions recalled, 0–1. */
  readonly recall: number;
  readonly recalled: number;
  readonly questions: number;
  /** The questions whose answer was not in the top k, in order. */
  readonly missed: readonly string[];
}

/** Recall@k of `questions` through `retrieve` (k defaults to 3). */
export async function measureRecall(
  questions: readonly RecallQuestion[],
  retrieve: (question: string, k: number) => Promise<readonly RetrievedForRecall[]>,
  realPassageIds: ReadonlySet<string>,
  k = 3,
): Promise<RecallResult> {
  const missed: string[] = [];
  for (const question of questions) {
    if (!isRecalled(await retrieve(question.question, k), question.expectedPassages, realPassageIds))
      missed.push(question.question);
  }
  const recalled = questions.length - missed.length;
  return {
    recall: questions.length === 0 ? 0 : recalled / questions.length,
    recalled,
    questions: questions.length,
    missed,
  };
}
