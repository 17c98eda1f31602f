import type { Answer, AnswerOutcome, Citation } from '../core/types.js';

/** One source of an answer in `--json` / `--jsonl` output. */
export interface CitationJson {
  readonly marker: number;
  readonly documentId: string;
  readonly title: string;
  /** ISO date of the fact sheet. */
  readonly date: string;
  /** The date as a person reads it, e.g. "May 25, 2019" or "circa April 2018". */
  readonly displayDate: string;
  /** True when the sheet's date is an estimate (the 2018 sheet's exact day is not confirmed). */
  readonly approximateDate: boolean;
  readonly section: string;
  /** The verbatim passage. */
  readonly passage: string;
}

/** The `--json` output of `ask` for an answered (or honestly refused) question. */
export interface AnswerJson {
  readonly question: string;
  readonly answered: boolean;
  /** What kind of reply: `answered`, `related` (the closest passage, cited), `not-covered`, `chit-chat`, … */
  readonly outcome: AnswerOutcome;
  /** The language of Kizuna's own words (`en` or `ja`); quoted sentences stay English. */
  readonly language: Answer['language'];
  /** The text a user sees, with `[n]` markers. */
  readonly answer: string;
  readonly citations: readonly CitationJson[];
  /** Which answerer produced the text, e.g. "extractive" or "openai:gpt-4o-mini". */
  readonly answerer: string;
  /**
   * Present when a model was asked but the offline answer stands in: why, in words a person can read
   * ("the language model did not answer within 30000 ms").
   */
  readonly fallbackReason?: string;
  readonly latencyMs: number;
}

/** The `--json` output of `ask` when the input is rejected; `--jsonl` adds the 1-based input line. */
export interface AnswerErrorJson {
  readonly line?: number;
  readonly question?: string;
  readonly error: string;
}

/** Which fact sheets have an approximate date, by document id (from `core.sources()`). */
export type ApproximateDates = ReadonlyMap<string, boolean>;

export function citationToJson(citation: Citation, approximateDates: ApproximateDates): CitationJson {
  return {
    marker: citation.marker,
    documentId: citation.documentId,
    title: citation.title,
    date: citation.date,
    displayDate: citation.displayDate,
    approximateDate: approximateDates.get(citation.documentId) ?? false,
    section: citation.section,
    passage: citation.passage,
  };
}

/** Picks the stable, documented fields of an answer; `fallbackReason` only when the answer fell back. */
export function answerToJson(answer: Answer, approximateDates: ApproximateDates): AnswerJson {
  return {
    question: answer.question,
    answered: answer.answered,
    outcome: answer.outcome,
    language: answer.language,
    answer: answer.text,
    citations: answer.citations.map((citation) => citationToJson(citation, approximateDates)),
    answerer: answer.answerer,
    ...(answer.fallbackReason === undefined ? {} : { fallbackReason: answer.fallbackReason }),
    latencyMs: answer.latencyMs,
  };
}

/**
 * The lookup {@link answerToJson} needs, from the core's sources. A citation does not carry whether its
 * sheet's date is approximate, so it is read from the sheet.
 * TODO(core): an `approximateDate` (or `dateApproximate`) field on `Citation` would make this unnecessary.
 */
export function approximateDatesOf(
  sources: readonly { documentId: string; dateApproximate: boolean }[],
): ApproximateDates {
  return new Map(sources.map((source) => [source.documentId, source.dateApproximate]));
}
