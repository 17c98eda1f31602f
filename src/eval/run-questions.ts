import { performance } from 'node:perf_hooks';

import type { KizunaCore } from '../core/types.js';
import type { EvalQuestion } from './load-questions.js';
import { scoreQuestion, type AskOutcome, type QuestionResult, type RetrievalOutcome } from './score.js';

/** The optional retrieval probe a core may expose; when present, recall@1 and recall@3 are measured. */
export interface RetrievalProbe {
  retrieve(
    question: string,
    k: number,
  ): Promise<ReadonlyArray<{ readonly passage: { readonly text: string; readonly id?: string } }>>;
}

/** How many passages to ask `retrieve` for: enough for recall@3. */
export const RETRIEVAL_DEPTH = 3;

export function hasRetrieve(core: KizunaCore): core is KizunaCore & RetrievalProbe {
  return typeof (core as Partial<RetrievalProbe>).retrieve === 'function';
}

export interface RunQuestionsOptions {
  /** Called after each question, e.g. for a progress line. */
  readonly onResult?: (result: QuestionResult, done: number, total: number) => void;
}

/**
 * Asks every question in order (one at a time, so latencies are not inflated by contention) and judges each.
 * An exception from the core is recorded against its question rather than ending the run.
 */
export async function runQuestions(
  core: KizunaCore,
  questions: readonly EvalQuestion[],
  options: RunQuestionsOptions = {},
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    const outcome = await ask(core, question);
    const retrieval = await probeRetrieval(core, question);
    const result = scoreQuestion(question, outcome, retrieval);
    results.push(result);
    options.onResult?.(result, results.length, questions.length);
  }
  return results;
}

async function ask(core: KizunaCore, question: EvalQuestion): Promise<AskOutcome> {
  const started = performance.now();
  try {
    const answer = await core.ask({
      question: question.question,
      ...(question.history ? { history: question.history } : {}),
    });
    return { answer, elapsedMs: performance.now() - started };
  } catch (error) {
    return { error: describeError(error), elapsedMs: performance.now() - started };
  }
}

// Retrieval sees the question alone, so it is only judged where the question stands on its own:
// answerable and not a follow-up (whose meaning lives in the history).
async function probeRetrieval(
  core: KizunaCore,
  question: EvalQuestion,
): Promise<RetrievalOutcome | undefined> {
  if (!hasRetrieve(core) || !question.answerable || question.kind === 'follow-up') return undefined;
  try {
    const hits = await core.retrieve(question.question, RETRIEVAL_DEPTH);
    return {
      passageTexts: hits.map((hit) => hit.passage.text),
      passageIds: hits.map((hit) => hit.passage.id),
    };
  } catch {
    // A failing probe counts as retrieving nothing; the ask itself is judged separately.
    return { passageTexts: [], passageIds: [] };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
