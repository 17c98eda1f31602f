import { performance } from 'node:perf_hooks';
import type { Answerer, DraftAnswer, RetrievedPassage } from '../answer/answerer.js';
import { isCrossSheetQuestion } from '../answer/extractive-answerer.js';
import { KizunaError, isKizunaError } from '../errors.js';
import type { Logger } from '../logger.js';
import { unit } from '../retrieval/corpus-vocabulary.js';
import { judgeCoverage, rarityWeight } from '../retrieval/coverage-verdict.js';
import { questionWords } from '../retrieval/question-terms.js';
import type { QueryEmbedder } from '../retrieval/retrieve-passages.js';
import {
  assessCoverage,
  recheckAgainstContext,
  type ContextWords,
  type CoverageOptions,
  type CoverageWordTable,
} from '../retrieval/term-coverage.js';
import { contentTokens } from '../text/content-terms.js';
import type {
  Answer,
  AskRequest,
  Citation,
  ConversationTurn,
  CoreStatus,
  KizunaCore,
  KnowledgeBase,
  QuoteQuery,
  QuoteResult,
  ReloadReport,
  SourceSummary,
} from '../types.js';
import { lacksAskedQuantity, preferUnsaid } from './answer-shape.js';
import { diffPassages } from './diff-passages.js';
import { standaloneQuestion, targetDocuments } from './follow-up.js';
import {
  citationFor,
  createKnowledgeState,
  type KnowledgeState,
  type ServingIndex,
} from './knowledge-state.js';
import { promoteQuotedPassages, quotedPassagesFor } from './quotation-intent.js';
import { noTopicMessage, refusalMessage } from './refusal-message.js';
import { validateQuestion } from './validate-question.js';

/** Opens (loads or builds) the index for a knowledge version, reusing the previous index's vectors. */
export type IndexOpener = (
  knowledge: KnowledgeBase,
  previous: ServingIndex | undefined,
) => Promise<{ index: ServingIndex; origin: string; embedded: number }>;

export interface KizunaServiceOptions {
  readonly loadKnowledge: () => Promise<KnowledgeBase>;
  readonly openIndex: IndexOpener;
  readonly embedder: QueryEmbedder & { readonly id: string };
  readonly answerer: Answerer;
  /** Used when `answerer` (a model) fails, so a question still gets an answer. */
  readonly fallbackAnswerer: Answerer;
  /** Rewrites follow-ups with a model when one is configured; otherwise a rule does it. */
  readonly condenseQuestion?: (question: string, history: readonly ConversationTurn[]) => Promise<string>;
  readonly wordVectors?: CoverageWordTable;
  readonly logger: Logger;
  readonly maxQuestionLength: number;
  /** Passages handed to the answerer. @default 6 */
  readonly passagesPerAnswer?: number;
  /** Below this retrieval score nothing is close enough to answer from. @default 0.2 */
  readonly minimumScore?: number;
  readonly now?: () => Date;
  /** Overrides of the coverage check's thresholds (for tuning and tests). */
  readonly coverage?: Partial<CoverageOptions> & { readonly maxMissingShare?: number };
}

/** Most earlier turns a follow-up looks at. */
const MAX_HISTORY_TURNS = 6;

/**
 * The core service: answers from the current knowledge version, and swaps in a new one on reload.
 * Reloads are serialised; while one runs, questions keep being answered from the old version.
 */
export class KizunaService implements KizunaCore {
  private state: KnowledgeState;
  private indexOrigin: string;
  private reloadQueue: Promise<unknown> = Promise.resolve();
  private lastReload: CoreStatus['lastReload'];
  private answered = 0;
  private refused = 0;
  private readonly startedAt: Date;

  private constructor(
    private readonly options: KizunaServiceOptions,
    state: KnowledgeState,
    indexOrigin: string,
  ) {
    this.state = state;
    this.indexOrigin = indexOrigin;
    this.startedAt = this.now();
  }

  static async start(options: KizunaServiceOptions): Promise<KizunaService> {
    const knowledge = await options.loadKnowledge();
    const opened = await options.openIndex(knowledge, undefined);
    const state = createKnowledgeState(knowledge, opened.index, options.embedder, options.wordVectors);
    options.logger.info(
      { passages: knowledge.passages.length, origin: opened.origin, embedded: opened.embedded },
      'knowledge ready',
    );
    return new KizunaService(options, state, opened.origin);
  }

  async ask(request: AskRequest): Promise<Answer> {
    const started = performance.now();
    const question = validateQuestion(request?.question, this.options.maxQuestionLength);
    const history = (request.history ?? []).slice(-MAX_HISTORY_TURNS);
    const state = this.state;

    const finish = (
      draft: {
        answered: boolean;
        text: string;
        citations: Citation[];
        missing?: string[];
        unclear?: boolean;
      },
      answerer: string,
    ): Answer => {
      if (draft.answered) this.answered++;
      else this.refused++;
      return {
        question,
        answered: draft.answered,
        outcome: draft.answered ? 'answered' : draft.unclear === true ? 'unclear' : 'not-covered',
        text: draft.text,
        citations: draft.citations,
        missingTerms: draft.missing ?? [],
        answerer,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      };
    };

    const words = questionWords(question);
    if (words.terms.length === 0 && history.length === 0) {
      return finish({ answered: false, text: noTopicMessage(), citations: [], unclear: true }, 'coverage');
    }

    const table = this.options.wordVectors;
    // Misspellings of the sheets' words ("Alabma") are searched for as the words they stand for.
    const corpusCoverage = assessCoverage(words, state.vocabulary, table, [], this.options.coverage);
    const corrections = corpusCoverage
      .filter((item) => item.kind === 'typo' && item.via !== undefined)
      .map((item) => item.via);
    const standalone = [await this.standalone(question, history), ...corrections].join(' ');
    const passages = preferUnsaid(question, history, await this.retrieveFor(state, question, standalone));

    // Is what the question asks about in the sheets at all? Checked against the whole corpus, and more
    // loosely against the passages just retrieved. A refusal names what is missing.
    const coverage = recheckAgainstContext(
      corpusCoverage,
      table,
      this.contextWords(passages.slice(0, 3)),
      this.options.coverage,
    );
    const verdict = judgeCoverage(words, coverage, {
      ...(table === undefined ? {} : { weightOf: rarityWeight((word) => table.rank(word)) }),
      ...(this.options.coverage?.maxMissingShare === undefined
        ? {}
        : { maxMissingShare: this.options.coverage.maxMissingShare }),
    });
    if (verdict.salientCount === 0 && history.length === 0) {
      return finish({ answered: false, text: noTopicMessage(), citations: [], unclear: true }, 'coverage');
    }
    if (!verdict.covered && verdict.salientCount > 0) {
      return finish(
        {
          answered: false,
          text: refusalMessage(verdict.missing, state.knowledge.documents.length),
          citations: [],
          missing: [...verdict.missing],
        },
        'coverage',
      );
    }

    const best = passages[0];
    if (
      best === undefined ||
      best.score < (this.options.minimumScore ?? 0.2) ||
      lacksAskedQuantity(question, passages.slice(0, 2))
    ) {
      return finish(
        { answered: false, text: refusalMessage([], state.knowledge.documents.length), citations: [] },
        'retrieval',
      );
    }

    const { draft, answererId } = await this.draft({
      question,
      standaloneQuestion: standalone,
      history,
      passages,
    });
    if (!draft.answered) {
      return finish(
        { answered: false, text: refusalMessage([], state.knowledge.documents.length), citations: [] },
        answererId,
      );
    }
    const { text, citations } = renumberCitations(state, draft.text, passages);
    if (citations.length === 0) {
      return finish(
        { answered: false, text: refusalMessage([], state.knowledge.documents.length), citations: [] },
        answererId,
      );
    }
    return finish({ answered: true, text, citations }, answererId);
  }

  /** The index serving now, for benchmarks that compare it with raw hnswlib on the same graph. */
  servingIndex(): ServingIndex {
    return this.state.index;
  }

  /** What answering would retrieve for a question (typo corrections, sheet targeting, quotations), for evaluation and benchmarks. */
  async retrieve(question: string, k: number): Promise<RetrievedPassage[]> {
    const state = this.state;
    const cleaned = validateQuestion(question, this.options.maxQuestionLength);
    const words = questionWords(cleaned);
    const corrections = assessCoverage(
      words,
      state.vocabulary,
      this.options.wordVectors,
      [],
      this.options.coverage,
    )
      .filter((item) => item.kind === 'typo' && item.via !== undefined)
      .map((item) => item.via);
    return this.retrieveFor(state, cleaned, [cleaned, ...corrections].join(' '), k);
  }

  quote(query: QuoteQuery = {}): QuoteResult | undefined {
    const state = this.state;
    const quotation = state.quotations.find(query);
    if (quotation === undefined) return undefined;
    const passage = state.passagesById.get(quotation.passageId);
    const citation = passage === undefined ? undefined : citationFor(state, passage, 1);
    return citation === undefined ? undefined : { quotation, citation };
  }

  speakers(): readonly string[] {
    return this.state.quotations.speakers;
  }

  sources(): readonly SourceSummary[] {
    const { knowledge } = this.state;
    return knowledge.documents.map((document) => ({
      documentId: document.id,
      title: document.title,
      publisher: document.publisher,
      date: document.date,
      displayDate: document.displayDate,
      dateApproximate: document.dateApproximate,
      passageCount: knowledge.passages.filter((passage) => passage.documentId === document.id).length,
      quotationCount: knowledge.quotations.filter((quotation) => quotation.documentId === document.id).length,
    }));
  }

  citation(passageId: string): Citation | undefined {
    const passage = this.state.passagesById.get(passageId);
    return passage === undefined ? undefined : citationFor(this.state, passage, 1);
  }

  status(): CoreStatus {
    const { knowledge } = this.state;
    const now = this.now();
    return {
      fingerprint: knowledge.fingerprint,
      documentCount: knowledge.documents.length,
      passageCount: knowledge.passages.length,
      quotationCount: knowledge.quotations.length,
      embedder: this.options.embedder.id,
      answerer: this.options.answerer.id,
      startedAt: this.startedAt,
      uptimeMs: now.getTime() - this.startedAt.getTime(),
      ...(this.lastReload === undefined ? {} : { lastReload: this.lastReload }),
      questionsAnswered: this.answered,
      questionsRefused: this.refused,
      indexOrigin: this.indexOrigin,
    };
  }

  reload(): Promise<ReloadReport> {
    const run = this.reloadQueue.then(() => this.reloadNow());
    // The queue must survive a failed reload, or every later one would fail with it.
    this.reloadQueue = run.catch(() => undefined);
    return run;
  }

  private async reloadNow(): Promise<ReloadReport> {
    const started = performance.now();
    const previous = this.state;
    try {
      const knowledge = await this.options.loadKnowledge();
      // Same bytes, same knowledge: the serving index and everything derived from it stay as they are.
      const unchanged = knowledge.fingerprint === previous.knowledge.fingerprint;
      const opened = unchanged
        ? { index: previous.index, origin: this.indexOrigin, embedded: 0 }
        : await this.options.openIndex(knowledge, previous.index);
      if (!unchanged) {
        this.state = createKnowledgeState(
          knowledge,
          opened.index,
          this.options.embedder,
          this.options.wordVectors,
        );
        this.indexOrigin = opened.origin;
      }
      const report: ReloadReport = {
        ...diffPassages(previous.knowledge.passages, knowledge.passages),
        embedded: opened.embedded,
        durationMs: Math.round(performance.now() - started),
        fingerprint: knowledge.fingerprint,
        previousFingerprint: previous.knowledge.fingerprint,
        passageCount: knowledge.passages.length,
      };
      this.lastReload = { at: this.now(), ok: true, report };
      this.options.logger.info({ report }, 'knowledge reloaded');
      return report;
    } catch (error) {
      const reason = isKizunaError(error) ? error.message : 'an unexpected error (see the logs)';
      this.lastReload = { at: this.now(), ok: false, error: reason };
      this.options.logger.error({ err: error }, 'reload failed; the previous knowledge is still serving');
      throw new KizunaError(
        'RELOAD_FAILED',
        `Reload failed, so the previous knowledge is still in use: ${reason}`,
        {
          cause: error,
        },
      );
    }
  }

  private async standalone(question: string, history: readonly ConversationTurn[]): Promise<string> {
    if (history.length === 0) return question;
    if (this.options.condenseQuestion !== undefined) {
      try {
        return await this.options.condenseQuestion(question, history);
      } catch (error) {
        this.options.logger.warn(
          { err: error },
          'condensing a follow-up failed; using the rule-based rewrite',
        );
      }
    }
    return standaloneQuestion(question, history);
  }

  private async retrieveFor(
    state: KnowledgeState,
    question: string,
    standalone: string,
    k: number = this.options.passagesPerAnswer ?? 6,
  ): Promise<RetrievedPassage[]> {
    const crossSheet = isCrossSheetQuestion(question);
    const documentIds = crossSheet ? undefined : targetDocuments(question, state.knowledge.documents);
    let retrieved: RetrievedPassage[];
    if (documentIds !== undefined) {
      retrieved = await state.retriever.retrieve(standalone, k, { documentIds });
    } else if (!crossSheet) {
      retrieved = await state.retriever.retrieve(standalone, k);
    } else {
      // A question about both sheets gets each sheet's best passage, so neither is crowded out; one wider
      // search is enough (and stays cheap in a large archive).
      const wide = await state.retriever.retrieve(standalone, k * 4);
      const bestPerDocument = new Map<string, RetrievedPassage>();
      for (const item of wide)
        if (!bestPerDocument.has(item.document.id)) bestPerDocument.set(item.document.id, item);
      const leaders = [...bestPerDocument.values()].slice(0, 3);
      retrieved = [...leaders, ...wide.filter((item) => !leaders.includes(item))].slice(0, k);
      retrieved.sort((a, b) => b.score - a.score);
    }
    return promoteQuotedPassages(retrieved, quotedPassagesFor(question, state, documentIds, retrieved), k);
  }

  private async draft(
    context: Parameters<Answerer['answer']>[0],
  ): Promise<{ draft: DraftAnswer; answererId: string }> {
    const { answerer, fallbackAnswerer, logger } = this.options;
    try {
      return { draft: await answerer.answer(context), answererId: answerer.id };
    } catch (error) {
      if (answerer === fallbackAnswerer) throw error;
      logger.warn({ err: error, answerer: answerer.id }, 'answerer failed; answering extractively instead');
      return { draft: await fallbackAnswerer.answer(context), answererId: fallbackAnswerer.id };
    }
  }

  private contextWords(passages: readonly RetrievedPassage[]): ContextWords {
    const table = this.options.wordVectors;
    if (table === undefined) return [];
    const words = new Map<string, Float32Array>();
    for (const { passage } of passages) {
      for (const token of contentTokens(passage.text)) {
        if (words.has(token)) continue;
        const vector = table.vector(token);
        if (vector !== undefined) words.set(token, unit(vector));
      }
    }
    return [...words].map(([word, vector]) => ({ word, vector }));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/**
 * Markers in a draft refer to positions in the retrieved list; a reader wants [1], [2]… in order of
 * appearance. Markers pointing at nothing are dropped rather than shown.
 */
function renumberCitations(
  state: KnowledgeState,
  text: string,
  passages: readonly RetrievedPassage[],
): { text: string; citations: Citation[] } {
  const markerFor = new Map<number, number>();
  const citations: Citation[] = [];
  const renumbered = text.replace(/\s?\[(\d+)\]/g, (_match, raw: string) => {
    const retrieved = passages[Number(raw) - 1];
    if (retrieved === undefined) return '';
    let marker = markerFor.get(Number(raw));
    if (marker === undefined) {
      marker = citations.length + 1;
      const citation = citationFor(state, retrieved.passage, marker);
      if (citation === undefined) return '';
      markerFor.set(Number(raw), marker);
      citations.push(citation);
    }
    return ` [${marker}]`;
  });
  return { text: renumbered.trim(), citations };
}
