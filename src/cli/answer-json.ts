import type { Answer, Citation } from '../core/types.js';

/** One source of an answer in `--json` / `--jsonl` output. */
export interface CitationJson {
  readonly marker: number;
  readonly documentId: string;
  readonly title: string;
  /** ISO date of the fact sheet. */
  readonly date: string;
  readonly section: string;
  /** The verbatim passage. */
  readonly passage: string;
}

/** The `--json` output of `ask` for an answered (or honestly refused) question. */
export interface AnswerJson {
  readonly question: string;
  readonly answered: boolean;
  /** The text a user sees, with `[n]` markers. */
  readonly answer: string;
  readonly citations: readonly CitationJson[];
  readonly latencyMs: number;
}

/** The `--json` output of `ask` when the input is rejected; `--jsonl` adds the 1-based input line. */
export interface AnswerErrorJson {
  readonly line?: number;
  readonly question?: string;
  readonly error: string;
}

export function citationToJson(citation: Citation): CitationJson {
  return {
    marker: citation.marker,
    documentId: citation.documentId,
    title: citation.title,
    date: citation.date,
    section: citation.section,
    passage: citation.passage,
  };
}

/** Picks the stable, documented fields of an answer (internal ones such as `answerer` stay out). */
export function answerToJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    answered: answer.answered,
    answer: answer.text,
    citations: answer.citations.map(citationToJson),
    latencyMs: answer.latencyMs,
  };
}
