import { z } from 'zod';

import type { AskRequest } from '../core/types.js';
import { checkQuestion } from './check-question.js';

const requestSchema = z.object({
  question: z.string({ error: 'must be a string' }),
  history: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant'], { error: 'must be "user" or "assistant"' }),
        text: z.string({ error: 'must be a string' }),
      }),
      { error: 'must be a list of turns' },
    )
    .optional(),
  language: z.enum(['en', 'ja'], { error: 'must be "en" or "ja"' }).optional(),
});

const EXPECTED_SHAPE =
  'expected a question, or {"question": "...", "history": [{"role": "user" | "assistant", "text": "..."}], "language": "en" | "ja"}';

/** One line of `ask --jsonl` input, understood: a request to send, or why it cannot be sent. */
export type JsonlRequest =
  | { readonly ok: true; readonly request: AskRequest }
  | { readonly ok: false; readonly question?: string; readonly error: string };

/**
 * Reads one input line: plain text is the question; a line starting with `{` must be a JSON request object.
 * The question is validated (empty, over-long) exactly like a single `ask`.
 */
export function parseJsonlRequest(line: string, maxQuestionLength: number): JsonlRequest {
  const trimmed = line.trim();
  if (trimmed === '') return { ok: false, error: `Empty line: ${EXPECTED_SHAPE}.` };

  let question = trimmed;
  let history: AskRequest['history'];
  let language: AskRequest['language'];
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, error: `Malformed JSON (${(error as Error).message}): ${EXPECTED_SHAPE}.` };
    }
    const parsed = requestSchema.safeParse(value);
    if (!parsed.success) {
      return { ok: false, error: `Invalid request object (${describeIssues(parsed.error)}): ${EXPECTED_SHAPE}.` };
    }
    question = parsed.data.question;
    history = parsed.data.history;
    language = parsed.data.language;
  }

  const check = checkQuestion(question, maxQuestionLength);
  if (!check.ok) return { ok: false, question: question.trim(), error: check.error };
  return {
    ok: true,
    request: {
      question: check.question,
      ...(history ? { history } : {}),
      ...(language ? { language } : {}),
    },
  };
}

/** Each wrong field by its path, e.g. `"language" must be "en" or "ja"`, so the sender knows what to fix. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? 'not an object' : `"${path}" ${issue.message}`;
    })
    .join('; ');
}
