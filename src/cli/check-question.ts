import { isKizunaError } from '../core/errors.js';
import { validateQuestion } from '../core/service/validate-question.js';

/** The outcome of checking a question before asking the core. */
export type QuestionCheck =
  { readonly ok: true; readonly question: string } | { readonly ok: false; readonly error: string };

/**
 * Applies the core's own rule (so the CLI and Discord refuse exactly the same input) before the core is
 * built, which keeps a bad question fast and side-effect free.
 */
export function checkQuestion(raw: string, maxQuestionLength: number): QuestionCheck {
  try {
    return { ok: true, question: validateQuestion(raw, maxQuestionLength) };
  } catch (error) {
    if (isKizunaError(error)) return { ok: false, error: error.message };
    throw error;
  }
}
