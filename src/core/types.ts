import type { ProviderHealthSnapshot } from './models/provider-health.js';

/**
 * The core's vocabulary. Data flows one way:
 * knowledge files → {@link KnowledgeDocument} + {@link Passage} → index → retrieval → {@link Answer} → presentation.
 * Nothing here knows about Discord or the terminal.
 */

/** One fact sheet, as described by its front matter. */
export interface KnowledgeDocument {
  /** Stable identifier from front matter, e.g. `2019-05-25-us-japan-partnership`. */
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** ISO date (`YYYY-MM-DD`, or `YYYY-MM`/`YYYY` when only that much is known). */
  readonly date: string;
  /** True when the date is an estimate (the 2018 sheet's exact day is not confirmed). */
  readonly dateApproximate: boolean;
  /** False when the title is descriptive because the original's is unknown (the 2018 sheet). @default true */
  readonly titleConfirmed?: boolean;
  /** Human-readable date for citations, e.g. "May 25, 2019" or "2018 (approximate)". */
  readonly displayDate: string;
  /** Where the text came from, when known. */
  readonly source?: string;
  /** Path of the knowledge file, relative to the knowledge folder. */
  readonly file: string;
}

export type PassageKind = 'opening-quote' | 'section-summary' | 'bullet';

/** A citable unit of a fact sheet: one bullet, one section summary, or the opening quotation. */
export interface Passage {
  /** Stable id: `${documentId}#${sha256(text) prefix}`; unchanged while the text is unchanged. */
  readonly id: string;
  readonly documentId: string;
  /** Section heading as written in the sheet, e.g. "SHARED PROSPERITY". The opening quote has section "" . */
  readonly section: string;
  readonly kind: PassageKind;
  /** 0-based position of the passage within its document. */
  readonly position: number;
  /** 1-based line in the knowledge file where the passage starts (for error messages and debugging). */
  readonly line: number;
  /** Verbatim text, whitespace-trimmed only. For a section summary: the sentence after "HEADING: ". */
  readonly text: string;
}

/** A quotation found in the sheets, whole-line or inline. */
export interface Quotation {
  readonly id: string;
  /** Canonical speaker, e.g. "President Donald J. Trump", "Prime Minister Shinzo Abe". */
  readonly speaker: string;
  /** The quoted words, verbatim, without the surrounding quotation marks. */
  readonly text: string;
  /** The passage the quotation stands in (for its citation). */
  readonly passageId: string;
  readonly documentId: string;
  readonly section: string;
  readonly form: 'whole-line' | 'inline';
}

/** A fact sheet plus its passages and quotations, as loaded from disk. */
export interface KnowledgeBase {
  readonly documents: readonly KnowledgeDocument[];
  readonly passages: readonly Passage[];
  readonly quotations: readonly Quotation[];
  /** sha256 over every knowledge file's bytes (sorted by name): the corpus fingerprint. */
  readonly fingerprint: string;
}

/** One entry of an answer's sources list. */
export interface Citation {
  /** The inline marker number: `[1]` has marker 1. */
  readonly marker: number;
  readonly passageId: string;
  readonly documentId: string;
  readonly title: string;
  readonly date: string;
  readonly displayDate: string;
  readonly section: string;
  /** The verbatim passage. */
  readonly passage: string;
}

/** An earlier turn of a conversation, oldest first, for follow-up questions. */
export interface ConversationTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface AskRequest {
  readonly question: string;
  readonly history?: readonly ConversationTurn[];
  /**
   * The language the person prefers (Discord locale `ja`, CLI `--lang ja`), used when the question's own
   * text does not decide it; a question written in Japanese is answered in Japanese either way.
   */
  readonly language?: 'en' | 'ja';
  /**
   * With a model answerer: called with the verified answer so far as it is written (markers refer to the
   * final citations only once the answer is returned), for front ends that stream. Never unverified text.
   */
  readonly onVerifiedText?: (text: string) => void;
}

/**
 * What kind of reply a question got:
 * - `answered`: the sheets answer it; the text cites them.
 * - `related`: the sheets cover the subject but not exactly what was asked; the text says so and cites the
 *   closest passage (`answered` is false).
 * - `not-covered`: the sheets never mention the subject (an honest refusal naming it).
 * - `chit-chat`: not a question ("thanks!", "hi"); a friendly reply with an example of what to ask.
 * - `unclear`: no topic could be read from it (garbage, "what?"); asks what the person would like to know.
 * - `unsupported-language`: written in a language Kizuna does not answer in.
 */
export type AnswerOutcome =
  'answered' | 'related' | 'not-covered' | 'chit-chat' | 'unclear' | 'unsupported-language';

export interface Answer {
  readonly question: string;
  /** False when the fact sheets do not answer the question (an honest refusal, or only a related passage). */
  readonly answered: boolean;
  /** The kind of reply; `answered` is true exactly when this is `answered`. */
  readonly outcome: AnswerOutcome;
  /** The language Kizuna's own words are in (the sheets' quoted sentences stay English). */
  readonly language: 'en' | 'ja';
  /** What a user sees, with inline `[n]` markers when answered. */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** Salient terms of the question the fact sheets never mention (why it was refused), if any. */
  readonly missingTerms: readonly string[];
  /** Which answerer produced it, e.g. "extractive" or "openai:gpt-4o-mini". */
  readonly answerer: string;
  /**
   * Set when a model was asked but the offline answer stands in, with why ("the language model did not
   * answer within 30000 ms"): front ends show a short note.
   */
  readonly fallbackReason?: string;
  readonly latencyMs: number;
}

export interface QuoteQuery {
  /** Matches speaker names loosely ("trump", "Abe", "Prime Minister"). */
  readonly speaker?: string;
  /** Words to search the quotation and its passage for. */
  readonly topic?: string;
  /** Injected for tests; defaults to Math.random. */
  readonly random?: () => number;
}

export interface QuoteResult {
  readonly quotation: Quotation;
  readonly citation: Citation;
}

export interface SourceSummary {
  readonly documentId: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly displayDate: string;
  readonly dateApproximate: boolean;
  readonly passageCount: number;
  readonly quotationCount: number;
}

export interface ReloadReport {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly kept: number;
  /** Passages that had to be embedded (added + changed, or all when the embedder changed). */
  readonly embedded: number;
  readonly durationMs: number;
  readonly fingerprint: string;
  readonly previousFingerprint: string;
  readonly passageCount: number;
}

export interface CoreStatus {
  readonly fingerprint: string;
  readonly documentCount: number;
  readonly passageCount: number;
  readonly quotationCount: number;
  readonly embedder: string;
  readonly answerer: string;
  readonly startedAt: Date;
  readonly uptimeMs: number;
  readonly lastReload?: {
    readonly at: Date;
    readonly ok: boolean;
    readonly report?: ReloadReport;
    readonly error?: string;
  };
  readonly questionsAnswered: number;
  readonly questionsRefused: number;
  /** Where the index came from at start-up: loaded from disk, or rebuilt (and why). */
  readonly indexOrigin: string;
  /** The model provider's state when one is configured: last success and error, failure rate, latency. */
  readonly provider?: ProviderHealthSnapshot;
}

/** The small API every front end (Discord, CLI, eval, bench) uses. */
export interface KizunaCore {
  ask(request: AskRequest): Promise<Answer>;
  quote(query?: QuoteQuery): QuoteResult | undefined;
  /**
   * Speaker names, for autocomplete: all of them, or those `typed` names (loosely, ignoring case and
   * diacritics; Japanese read through the glossary, as {@link KizunaCore.quote} reads it: 安倍 → Abe).
   */
  speakers(typed?: string): readonly string[];
  sources(): readonly SourceSummary[];
  /** The citation for one passage (e.g. to show its exact words later); undefined if it no longer exists. */
  citation(passageId: string): Citation | undefined;
  status(): CoreStatus;
  /** Rebuilds from disk then swaps in; on failure the old knowledge keeps serving and the promise rejects. */
  reload(): Promise<ReloadReport>;
}
