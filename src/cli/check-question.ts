import { isKizunaError } from '../core/errors.js';
import { messages } from '../core/language/messages.js';
import { validateQuestion } from '../core/service/validate-question.js';
import type { CliLanguage } from './language-option.js';

/** The outcome of checking a question before asking the core. */
export type QuestionCheck =
  { readonly ok: true; readonly question: string } | { readonly ok: false; readonly error: string };

/**
 * Applies the core's own rule (so the CLI and Discord refuse exactly the same input) before the core is
 * built, which keeps a bad question fast and side-effect free. The refusal is worded in the preferred
 * language (`--lang ja` gets Japanese), from the same message catalogue as the bot's.
 */
export function checkQuestion(raw: string, maxQuestionLength: number, language?: CliLanguage): QuestionCheck {
  try {
    return { ok: true, question: validateQuestion(raw, maxQuestionLength) };
  } catch (error) {
    if (!isKizunaError(error)) throw error;
    if (language === undefined) return { ok: false, error: error.message };
    const say = messages(language);
    if (error.code === 'EMPTY_QUESTION') return { ok: false, error: say.emptyQuestion };
    if (error.code === 'QUESTION_TOO_LONG')
      return {
        ok: false,
        error: say.questionTooLong([...raw.replace(/\s+/g, ' ').trim()].length, maxQuestionLength),
      };
    return { ok: false, error: error.message };
  }
}
