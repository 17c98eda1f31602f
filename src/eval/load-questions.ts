import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

/** The kinds of evaluation question, each probing a different way the product can fail. */
export const QUESTION_KINDS = [
  'direct',
  'paraphrase',
  'casual',
  'typo',
  'quantity',
  'who-when',
  'overview',
  'cross-sheet',
  'quotation',
  'follow-up',
  'ja',
  'out-of-scope',
  'near-domain',
  'non-question',
  'garbage',
] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds whose questions the fact sheets do not answer: the right outcome is an honest refusal. */
export const UNANSWERABLE_KINDS: readonly QuestionKind[] = [
  'out-of-scope',
  'near-domain',
  'non-question',
  'garbage',
];

/** Kinds whose right outcome is the friendly "here is what you can ask" reply, not a refusal naming a topic. */
export const NOT_A_QUESTION_KINDS: readonly QuestionKind[] = ['non-question', 'garbage'];

/** Kinds that may hold answerable and unanswerable questions alike (a language's own set). */
export const MIXED_KINDS: readonly QuestionKind[] = ['ja'];

/** Sub-kinds of a Japanese question (`jaKind`), mirroring the English kinds. */
export const JA_KINDS = [
  'direct',
  'paraphrase',
  'quantity',
  'who-when',
  'quotation',
  'overview',
  'near-domain',
  'out-of-scope',
  'non-question',
] as const;

/**
 * How many questions of each kind the shipped set must hold, so that per-kind figures mean something.
 * A smaller ad-hoc set (e.g. `--questions my.json`) is not held to these.
 */
export const MINIMUM_QUESTIONS_PER_KIND: Readonly<Record<QuestionKind, number>> = {
  direct: 12,
  paraphrase: 12,
  typo: 8,
  'cross-sheet': 6,
  quotation: 6,
  'follow-up': 4,
  'out-of-scope': 8,
  'near-domain': 12,
  // Kinds added with the sets written by people who saw only the fact sheets; the original set has none.
  casual: 0,
  quantity: 0,
  'who-when': 0,
  overview: 0,
  ja: 0,
  'non-question': 0,
  garbage: 0,
};

/** The question set shipped with the project. */
export const DEFAULT_QUESTIONS_FILE = fileURLToPath(new URL('./questions.json', import.meta.url));

const turnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  text: z.string().min(1),
});

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens'),
  kind: z.enum(QUESTION_KINDS),
  question: z.string().trim().min(1),
  answerable: z.boolean(),
  /** Verbatim substrings of passages that correctly answer; a citation is correct if it contains any. */
  expectedPassages: z.array(z.string().trim().min(1)).optional(),
  /** Short strings that must all appear in the answer text (case-insensitive, whitespace-normalised). */
  keyFacts: z.array(z.string().trim().min(1)).optional(),
  /** Cross-sheet and overview only: the citations must cover every one of these document ids. */
  expectedDocuments: z.array(z.string().min(1)).optional(),
  /** The question shares no content word with the sentence that answers it (the hardest paraphrases). */
  noSharedContentWord: z.boolean().optional(),
  /** Japanese questions (`kind: ja`): which English kind the question is. */
  jaKind: z.enum(JA_KINDS).optional(),
  /** Earlier turns, oldest first (follow-up questions). */
  history: z.array(turnSchema).optional(),
  /** Why the question is tricky; for people reading failures. */
  note: z.string().optional(),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

const questionSetSchema = z.array(questionSchema).min(1);

/** Raised when a question file is malformed or inconsistent; lists every problem found. */
export class QuestionSetError extends Error {
  override readonly name = 'QuestionSetError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid question set ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * Rules that a schema cannot express: unique ids, and fields that must agree with the question's kind.
 * Returns one message per problem (empty when the set is consistent).
 */
export function findQuestionSetProblems(questions: readonly EvalQuestion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) problems.push(`${q.id}: duplicate id`);
    seen.add(q.id);

    const shouldBeAnswerable = !UNANSWERABLE_KINDS.includes(q.kind);
    if (!MIXED_KINDS.includes(q.kind) && q.answerable !== shouldBeAnswerable) {
      problems.push(`${q.id}: kind "${q.kind}" must have answerable: ${shouldBeAnswerable}`);
    }
    if (q.answerable) {
      if (!q.expectedPassages || q.expectedPassages.length === 0) {
        problems.push(`${q.id}: an answerable question needs at least one expectedPassages entry`);
      }
      if (!q.keyFacts)
        problems.push(`${q.id}: an answerable question needs keyFacts (an empty list is allowed)`);
    } else {
      if (q.expectedPassages?.length)
        problems.push(`${q.id}: an unanswerable question has no expectedPassages`);
      if (q.keyFacts?.length) problems.push(`${q.id}: an unanswerable question has no keyFacts`);
    }
    if (q.kind === 'cross-sheet') {
      if (!q.expectedDocuments || new Set(q.expectedDocuments).size < 2) {
        problems.push(`${q.id}: a cross-sheet question needs at least two distinct expectedDocuments`);
      }
    } else if (q.expectedDocuments && q.kind !== 'overview') {
      problems.push(`${q.id}: expectedDocuments is only for cross-sheet and overview questions`);
    }
    if (q.kind === 'ja' && q.jaKind === undefined) problems.push(`${q.id}: a ja question needs a jaKind`);
    if (q.kind !== 'ja' && q.jaKind !== undefined) problems.push(`${q.id}: jaKind is only for ja questions`);
    if (q.kind === 'follow-up' && (!q.history || q.history.length === 0)) {
      problems.push(`${q.id}: a follow-up question needs a history`);
    }
  }
  return problems;
}

/** Kinds with fewer questions than required, with the count found and the minimum. */
export function findKindShortfalls(
  questions: readonly EvalQuestion[],
  minimums: Readonly<Record<QuestionKind, number>> = MINIMUM_QUESTIONS_PER_KIND,
): { kind: QuestionKind; found: number; minimum: number }[] {
  const counts = countByKind(questions);
  return QUESTION_KINDS.filter((kind) => counts[kind] < minimums[kind]).map((kind) => ({
    kind,
    found: counts[kind],
    minimum: minimums[kind],
  }));
}

export function countByKind(questions: readonly EvalQuestion[]): Record<QuestionKind, number> {
  const counts = Object.fromEntries(QUESTION_KINDS.map((kind) => [kind, 0])) as Record<QuestionKind, number>;
  for (const q of questions) counts[q.kind] += 1;
  return counts;
}

/** Validates already-parsed JSON as a question set; throws {@link QuestionSetError} listing every problem. */
export function parseQuestions(raw: unknown, source: string = 'questions'): EvalQuestion[] {
  const parsed = questionSetSchema.safeParse(raw);
  if (!parsed.success) {
    throw new QuestionSetError(
      source,
      parsed.error.issues.map((issue) => `${describePath(raw, issue.path)}: ${issue.message}`),
    );
  }
  const problems = findQuestionSetProblems(parsed.data);
  if (problems.length > 0) throw new QuestionSetError(source, problems);
  return parsed.data;
}

/**
 * Reads and validates a question file.
 * @param file path of a JSON array of questions; @default DEFAULT_QUESTIONS_FILE
 */
export async function loadQuestions(file: string = DEFAULT_QUESTIONS_FILE): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new QuestionSetError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseQuestions(raw, file);
}

/**
 * Expected passages that occur in no single passage of the knowledge base: each must be a verbatim
 * substring of one passage, or a correct citation could never match it.
 */
export function findPassagesMissingFromKnowledge(
  questions: readonly EvalQuestion[],
  passageTexts: readonly string[],
): { questionId: string; expectedPassage: string }[] {
  const missing: { questionId: string; expectedPassage: string }[] = [];
  for (const q of questions) {
    for (const expected of q.expectedPassages ?? []) {
      if (!passageTexts.some((text) => text.includes(expected))) {
        missing.push({ questionId: q.id, expectedPassage: expected });
      }
    }
  }
  return missing;
}

// Names the offending question by id when it has one, so messages point at the right entry.
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const [index, ...rest] = path;
  if (typeof index !== 'number') return path.map(String).join('.') || '(root)';
  const entry = Array.isArray(raw) ? (raw[index] as { id?: unknown } | undefined) : undefined;
  const label = typeof entry?.id === 'string' ? entry.id : `#${index}`;
  return rest.length > 0 ? `${label}.${rest.map(String).join('.')}` : label;
}
