import { KizunaError, isKizunaError } from '../../core/errors.js';
import type { MessageCatalogue } from '../../core/language/messages.js';

/**
 * The core rejects a bad question (empty, too long, not text) with an English `KizunaError`. For a
 * Japanese user the same refusal is reworded from the catalogue by its stable code; anything else, and
 * every English refusal, is returned unchanged.
 * TODO(core): once the core words these refusals in the request's language, this becomes unnecessary.
 */
export function localizeInputError(
  error: unknown,
  say: MessageCatalogue,
  question: string,
  maxQuestionLength: number,
): unknown {
  if (say.language === 'en' || !isKizunaError(error)) return error;
  const reworded = inputRefusal(error.code, say, question, maxQuestionLength);
  return reworded === undefined ? error : new KizunaError(error.code, reworded, { cause: error });
}

function inputRefusal(
  code: KizunaError['code'],
  say: MessageCatalogue,
  question: string,
  maxQuestionLength: number,
): string | undefined {
  switch (code) {
    case 'EMPTY_QUESTION':
      return say.emptyQuestion;
    case 'INVALID_INPUT':
      return say.invalidInput;
    case 'QUESTION_TOO_LONG':
      // Counted as the core counts: code points of the whitespace-collapsed question.
      return say.questionTooLong([...question.replace(/\s+/gu, ' ').trim()].length, maxQuestionLength);
    default:
      return undefined;
  }
}
