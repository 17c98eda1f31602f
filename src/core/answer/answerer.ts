import type { AskedFor } from './asked-fact.js';
import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import type { ConversationTurn } from '../types.js';

export interface AnswerContext {
  readonly question: string;
  /** The question rewritten with follow-up context, used for retrieval. Same as `question` without history. */
  readonly standaloneQuestion: string;
  readonly history: readonly ConversationTurn[];
  /** Candidate passages, best first. Marker n in the answer refers to `passages[n - 1]`. */
  readonly passages: readonly RetrievedPassage[];
  /** The person wants each sheet heard ("both sheets", "how did … change"): read by the interpret stage. */
  readonly crossSheet?: boolean;
  /** The kind of fact asked for ("how much…" → quantity): the sentence that holds one should lead. */
  readonly asks?: AskedFor;
  /**
   * The person is after someone's words ("what did Trump say about Abe?"): another quotation close to the
   * best is a second answer, though it names nothing the first did not.
   */
  readonly wantsWords?: boolean;
  /**
   * For a question in Japanese: reads a Japanese sentence into the sheets' English (through the glossary),
   * so a model's Japanese answer can be checked against the English passages it cites.
   */
  readonly readJapanese?: (text: string) => string;
}

export interface DraftAnswer {
  /** False when the answerer judged the passages do not answer the question. */
  readonly answered: boolean;
  /** Text with inline markers `[n]`, n indexing `AnswerContext.passages` from 1. */
  readonly text: string;
  /**
   * Set when the answerer asked could not answer and another one's answer stands in (a model that timed
   * out, failed, was busy, or whose reply had no verifiable sentence, replaced by the extractive answer).
   * A short reason a person can read, e.g. "the language model did not answer within 30000 ms".
   */
  readonly fallbackReason?: string;
  /** Id of the answerer that wrote `text` when it is not the one asked (e.g. "extractive" after a fallback). */
  readonly answeredBy?: string;
}

export interface AnswerOptions {
  /**
   * Called while a model is still writing, with the verified answer so far (markers intact), each time
   * a sentence passes the grounding check; never with unverified text. The returned draft is authoritative.
   */
  readonly onVerifiedText?: (text: string) => void;
}

/** Turns retrieved passages into an answer. The extractive answerer needs no model; others call one. */
export interface Answerer {
  /** e.g. "extractive", "openai:gpt-4o-mini", "ollama:llama3.1". */
  readonly id: string;
  /** True for an answerer that calls a language model (it judges answerability itself). @default false */
  readonly usesModel?: boolean;
  answer(context: AnswerContext, options?: AnswerOptions): Promise<DraftAnswer>;
}
