import { performance } from 'node:perf_hooks';
import type { Answerer, DraftAnswer, RetrievedPassage } from '../answer/answerer.js';
import { KizunaError, isKizunaError } from '../errors.js';
import type { Logger } from '../logger.js';
import { closestSentence, leadWithAskedFact, overviewLines } from '../pipeline/compose.js';
import { interpret, type InterpretContext, type Reading } from '../pipeline/interpret.js';
import { judge, type JudgeOptions, type Judgement } from '../pipeline/judge.js';
import {
  chitChatReply,
  noTopicReply,
  notCoveredReply,
  overviewLead,
  relatedLead,
} from '../pipeline/replies.js';
import { retrieveForReading } from '../pipeline/retrieve.js';
import type { QueryEmbedder } from '../retrieval/retrieve-passages.js';
import type { CoverageOptions, CoverageWordTable } from '../retrieval/term-coverage.js';
import type {
  Answer,
  AnswerOutcome,
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
import { diffPassages } from './diff-passages.js';
import {
  citationFor,
  createKnowledgeState,
  type KnowledgeState,
  type ServingIndex,
} from './knowledge-state.js';
import { validateQuestion } from './validate-question.js';
import { NO_ALIASES, type AliasTable } from '../question/alias-table.js';
import { normaliseQuestion } from '../question/normalise-question.js';

/** Opens (loads or builds) the index for a knowledge version, reusing the previous index's vectors. */
export type IndexOpener = (
  knowledge: KnowledgeBase,
  previous: ServingIndex | undefined,
) => Promise<{ index: ServingIndex; origin: string; embedded: number }>;

export interface KizunaServiceOptions {
  readonly loadKnowledge: () => Promise<KnowledgeBase>;
  /** Other names for the sheets' terms, read with the knowledge at start and on every reload. @default none */
  readonly loadAliases?: () => Promise<AliasTable>;
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
    const aliases = (await options.loadAliases?.()) ?? NO_ALIASES;
    const opened = await options.openIndex(knowledge, undefined);
    const state = createKnowledgeState(
      knowledge,
      aliases,
      opened.index,
      options.embedder,
      options.wordVectors,
    );
    options.logger.info(
      { passages: knowledge.passages.length, origin: opened.origin, embedded: opened.embedded },
      'knowledge ready',
    );
    return new KizunaService(options, state, opened.origin);
  }

  /**
   * Answers one question. The stages, in order: normalise (markup, Unicode, numbers, aliases) →
   * interpret → retrieve → judge → compose → verify → present. Each is a small module of `src/core/pipeline/`, tested alone.
   *
   * @throws KizunaError `INVALID_INPUT`, `EMPTY_QUESTION` or `QUESTION_TOO_LONG` for bad input (nothing counted).
   */
  async ask(request: AskRequest): Promise<Answer> {
    const started = performance.now();
    const state = this.state;
    const { display: question, search } = normaliseQuestion(
      validateQuestion(request?.question, this.options.maxQuestionLength),
      { aliases: state.aliases },
    );
    const history = (request.history ?? []).slice(-MAX_HISTORY_TURNS);
    const reply = (outcome: AnswerOutcome, text: string, extra: Partial<Answer> = {}): Answer => {
      if (outcome === 'answered') this.answered++;
      else this.refused++;
      return {
        question,
        answered: outcome === 'answered',
        outcome,
        text,
        citations: [],
        missingTerms: [],
        answerer: 'kizuna',
        ...extra,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      };
    };

    // Nothing left once markup is gone ("<@123>" alone): there is no question to read.
    if (search.trim() === '') return reply('unclear', noTopicReply());
    const reading = await this.interpretWithCondenser(search, history, state);
    if (reading.intent === 'chit-chat') return reply('chit-chat', chitChatReply());
    if (reading.intent === 'unclear') return reply('unclear', noTopicReply());

    const passages = await this.retrieveFor(state, reading);
    if (reading.intent === 'overview') {
      const overview = this.composeOverview(state, reading, passages);
      if (overview !== undefined)
        return reply('answered', overview.text, { citations: overview.citations, answerer: 'overview' });
    }

    const plain =
      reading.expansions.length === 0 ? passages : await this.retrieveFor(state, reading, undefined, false);
    const judgement = judge(reading, passages, plain, this.judgeOptions());
    switch (judgement.kind) {
      case 'no-topic':
        return reply('unclear', noTopicReply());
      case 'not-covered':
        return reply('not-covered', notCoveredReply(judgement.missing, state.knowledge.documents.length), {
          missingTerms: [...judgement.missing],
        });
      case 'related':
        return this.relatedReply(state, reading, passages, judgement, reply);
      case 'answer':
        break;
    }

    const ordered = leadWithAskedFact(reading, passages);
    const { draft, answererId } = await this.draft({
      question: reading.question,
      standaloneQuestion: reading.standalone,
      history: reading.history,
      passages: ordered,
      crossSheet: reading.crossSheet,
    });
    const { text, citations } = renumberCitations(state, draft.answered ? draft.text : '', ordered);
    if (!draft.answered || citations.length === 0) {
      // The answerer found nothing to say from these passages: show the closest one rather than guess.
      return this.relatedReply(state, reading, ordered, { kind: 'related', missing: [] }, reply, answererId);
    }
    return reply('answered', text, { citations, answerer: answererId });
  }

  /** The "closest match" reply: what the sheets don't say, then the closest passage's sentence, cited. */
  private relatedReply(
    state: KnowledgeState,
    reading: Reading,
    passages: readonly RetrievedPassage[],
    judgement: Extract<Judgement, { kind: 'related' }>,
    reply: (outcome: AnswerOutcome, text: string, extra?: Partial<Answer>) => Answer,
    answerer = 'kizuna',
  ): Answer {
    const closest = passages[0];
    const citation = closest === undefined ? undefined : citationFor(state, closest.passage, 1);
    if (closest === undefined || citation === undefined) {
      return reply('not-covered', notCoveredReply(judgement.missing, state.knowledge.documents.length), {
        missingTerms: [...judgement.missing],
      });
    }
    const sentence = closestSentence(closest.passage, reading.standalone);
    return reply('related', `${relatedLead(judgement.missing, judgement.unstated)} ${sentence} [1]`, {
      citations: [citation],
      missingTerms: [...judgement.missing],
      answerer,
    });
  }

  private composeOverview(
    state: KnowledgeState,
    reading: Reading,
    passages: readonly RetrievedPassage[],
  ): { text: string; citations: Citation[] } | undefined {
    const lines = overviewLines(state.knowledge, reading, passages);
    if (lines.length === 0) return undefined;
    const citations: Citation[] = [];
    const body = lines.map((line) => {
      const citation = citationFor(state, line.passage, citations.length + 1);
      if (citation !== undefined) citations.push(citation);
      return `• ${line.passage.section === '' ? '' : `${titleCase(line.passage.section)}: `}${line.sentence} [${citations.length}]`;
    });
    const sheets = [...new Set(lines.map((line) => line.passage.documentId))].map(
      (id) => state.documentsById.get(id)?.displayDate ?? id,
    );
    const topical = reading.coverage.some((item) => item.kind !== 'missing' && item.kind !== 'filler');
    return { text: [overviewLead(sheets, topical), ...body].join('\n'), citations };
  }

  private async interpretWithCondenser(
    question: string,
    history: readonly ConversationTurn[],
    state: KnowledgeState,
  ): Promise<Reading> {
    const reading = interpret(question, history, this.interpretContext(state));
    if (!reading.followUp || this.options.condenseQuestion === undefined) return reading;
    try {
      return { ...reading, standalone: await this.options.condenseQuestion(question, reading.history) };
    } catch (error) {
      this.options.logger.warn({ err: error }, 'condensing a follow-up failed; using the rule-based rewrite');
      return reading;
    }
  }

  private interpretContext(state: KnowledgeState): InterpretContext {
    return {
      documents: state.knowledge.documents,
      vocabulary: state.vocabulary,
      ...(this.options.wordVectors === undefined ? {} : { wordVectors: this.options.wordVectors }),
      ...(this.options.coverage === undefined ? {} : { coverage: this.options.coverage }),
    };
  }

  private judgeOptions(): JudgeOptions {
    return {
      ...(this.options.wordVectors === undefined ? {} : { wordVectors: this.options.wordVectors }),
      ...(this.options.coverage === undefined ? {} : { coverage: this.options.coverage }),
      ...(this.options.minimumScore === undefined ? {} : { minimumScore: this.options.minimumScore }),
    };
  }

  /** The index serving now, for benchmarks that compare it with raw hnswlib on the same graph. */
  servingIndex(): ServingIndex {
    return this.state.index;
  }

  /** What answering would retrieve for a question (typo corrections, sheet targeting, quotations), for evaluation and benchmarks. */
  async retrieve(question: string, k: number): Promise<RetrievedPassage[]> {
    const state = this.state;
    const { search } = normaliseQuestion(validateQuestion(question, this.options.maxQuestionLength), {
      aliases: state.aliases,
    });
    return this.retrieveFor(state, interpret(search, [], this.interpretContext(state)), k);
  }

  private retrieveFor(
    state: KnowledgeState,
    reading: Reading,
    k: number = (this.options.passagesPerAnswer ?? 6) * (reading.intent === 'overview' ? 3 : 1),
    expand = true,
  ): Promise<RetrievedPassage[]> {
    return retrieveForReading(state, reading, {
      k,
      expand,
      ...(this.options.wordVectors === undefined ? {} : { wordVectors: this.options.wordVectors }),
    });
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
      const aliases = (await this.options.loadAliases?.()) ?? NO_ALIASES;
      // Same bytes, same knowledge: the serving index and everything derived from it stay as they are.
      const unchanged = knowledge.fingerprint === previous.knowledge.fingerprint;
      const opened = unchanged
        ? { index: previous.index, origin: this.indexOrigin, embedded: 0 }
        : await this.options.openIndex(knowledge, previous.index);
      if (!unchanged) {
        this.state = createKnowledgeState(
          knowledge,
          aliases,
          opened.index,
          this.options.embedder,
          this.options.wordVectors,
        );
        this.indexOrigin = opened.origin;
      } else if (aliases !== previous.aliases) {
        // Aliases change questions, not passages: the index stays.
        this.state = { ...previous, aliases };
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

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** "SHARED PROSPERITY" → "Shared Prosperity": section headings are shouted in the sheets. */
function titleCase(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
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
