import { stripTerminalEscapes } from '../text/unicode.js';
import { KizunaError } from '../errors.js';

/** Characters that never belong in a question: C0/C1 controls except tab and newlines, and bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * What a message typed only of terminal escape sequences ("\x1b[31m\x1b[0m\x1b[2J") is read as: something
 * was typed (garbage pasted from a terminal), none of it readable, so it gets the "what would you like to know?" reply like any
 * other garbage, not the empty-question error meant for a blank /ask.
 */
export const TYPED_NOTHING_READABLE = '\u{2049}';

/**
 * Normalises a question and rejects what cannot be answered: empty, whitespace-only or longer than
 * `maxLength` characters. Returns the cleaned question (whitespace collapsed, unsafe characters removed).
 */
export function validateQuestion(raw: unknown, maxLength: number): string {
  if (typeof raw !== 'string') {
    throw new KizunaError('INVALID_INPUT', 'A question must be text.');
  }
  // Escape sequences go whole ("\x1b[31m"), or their printable tail would be read as words ("31mreiwa").
  const cleaned = stripTerminalEscapes(raw)
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length === 0 && raw.includes('\u001b')) return TYPED_NOTHING_READABLE;
  if (cleaned.length === 0) {
    throw new KizunaError(
      'EMPTY_QUESTION',
      'The question is empty. Ask something about the U.S.–Japan alliance, e.g. “What does Reiwa mean?”',
    );
  }
  if ([...cleaned].length > maxLength) {
    throw new KizunaError(
      'QUESTION_TOO_LONG',
      `The question is ${[...cleaned].length} characters long; the limit is ${maxLength}. Please shorten it.`,
    );
  }
  return cleaned;
}
