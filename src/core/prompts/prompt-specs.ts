/**
 * What the code expects of each prompt file. The files may reword anything, but they must use the
 * required placeholders (the code fills them in) and may use only the supported ones (the code
 * fills in nothing else).
 */
export interface PromptSpec {
  /** File name inside the prompts folder. */
  readonly file: string;
  /** The `name` the file's front matter must declare (catches swapped or copied files). */
  readonly name: string;
  /** Placeholders the prompt must contain. */
  readonly required: readonly string[];
  /** Placeholders the prompt may contain in addition. */
  readonly optional: readonly string[];
}

/** The answer prompt: `{passages}` numbered from 1, `{question}`, `{history}`, and the refusal `{sentinel}`. */
export const ANSWER_PROMPT_SPEC: PromptSpec = {
  file: 'answer.md',
  name: 'answer',
  required: ['passages', 'question', 'sentinel'],
  optional: ['history'],
};

/** The follow-up rewriting prompt: earlier turns in `{history}`, the follow-up in `{question}`. */
export const CONDENSE_QUESTION_PROMPT_SPEC: PromptSpec = {
  file: 'condense-question.md',
  name: 'condense-question',
  required: ['history', 'question'],
  optional: [],
};
