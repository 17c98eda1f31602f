import { performance } from 'node:perf_hooks';
import type { AnswerContext, Answerer, DraftAnswer } from '../answer/answerer.js';
import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import type { ProviderHealthSnapshot } from '../models/provider-health.js';
import { KizunaError, isKizunaError } from '../errors.js';
import type { Logger } from '../logger.js';
import { messages, type ReplyLanguage, type UnstatedFact } from '../language/messages.js';
import type { Glossary } from '../language/glossary.js';
import { suggestSpeakers } from '../quotes/find-quotation.js';
import { readQuoteQuery } from '../quotes/read-quote-query.js';
import { translateJapaneseQuestion, type TranslatedQuestion } from '../language/translate-question.js';
import {
  LEAD_SHARE,
  leadWithAskedFact,
  leadWithLastAnswer,
  leadWithDefinition,
  overviewLines,
  asksOverviewOfMissingTopic,
  reachForAskedFact,
  statesWhatWasAsked,
  topicOnly,
} from '../pipeline/compose.js';
import { normalise, normaliseHistory } from '../pipeline/normalise.js';
import {
  answeredReply,
  notCoveredReply,
  otherSheetReply,
  overviewReply,
  passageQuotedFirst,
  plainReply,
  relatedReply,
  type Reply,
  sourceOfLastAnswerReply,
} from '../pipeline/present.js';
import { EVERYDAY_WORD_RANK, interpret, type InterpretContext, type Reading } from '../pipeline/interpret.js';
import { judge, type JudgeOptions } from '../pipeline/judge.js';
import { documentStems, usesEveryWord, wordsOnlyInOtherSheets } from '../pipeline/other-sheet.js';
import { rarityWeight } from '../retrieval/coverage-verdict.js';
import { asksSourceOfLastAnswer, smallTalkKind } from '../pipeline/intent.js';
import { partiesOf, retrieveForReading, saidIn } from '../pipeline/retrieve.js';
import { isRepeated, saidSentences } from '../pipeline/follow-up.js';
import { splitPreamble } from '../pipeline/preamble.js';
import { absentSheetYear } from '../pipeline/question-shape.js';
import { mayAskForWords } from './quotation-intent.js';
import { verifyDraft } from '../pipeline/verify.js';
import { checkClaim } from '../pipeline/claim-check.js';
import { createVocabularyCache, type VocabularyCache } from '../retrieval/corpus-vocabulary.js';
import type { QueryEmbedder } from '../retrieval/retrieve-passages.js';
import type { CoverageOptions, CoverageWordTable, TermCoverage } from '../retrieval/term-coverage.js';
import type {
  Answer,
  AskRequest,
  Citation,
  ConversationTurn,
  CoreStatus,
  KizunaCore,
  KnowledgeBase,
  Passage,
  QuoteQuery,
  QuoteResult,
  ReloadReport,
  SourceSummary,
} from '../types.js';
import type { AliasUse } from '../question/apply-aliases.js';
import { diffPassages } from './diff-passages.js';
import {
  citationFor,
  createKnowledgeState,
  withLexicon,
  type KnowledgeState,
  type ServingIndex,
} from './knowledge-state.js';
import { validateQuestion } from './validate-question.js';
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js';
import {
  findGlossaryGaps,
  glossaryGapsKey,
  type GlossaryGaps,
  type GlossaryGapsMemo,
} from './glossary-gaps.js';

/**
 * Weighted share of a Japanese question's topic words that may be missing before it is refused: the
 * glossary leaves words it cannot translate as typed, so they weigh as unknown (ja-a…ja-d sets, 2026-11-30:
 * 0.3 keeps every set at or above its earlier figures; English uses the verdict's default).
 */
const TRANSLATED_MAX_MISSING_SHARE = 0.3;

const namesOfGlossary = new WeakMap<Glossary, ReadonlySet<string>>();

/**
 * The words of the English names of the glossary's places, people and bodies, lower case ("okinawa",
 * "futenma", "honda"; "kim", "jong", "un" of "Kim Jong Un"): reviewed data saying these words are names,
 * whatever case a question types them in. Everyday words among them ("kim", "moon") are left to the
 * coverage check's rank filter; words the sheets use are found there before any name is looked up.
 */
function glossaryNames(glossary: Glossary): ReadonlySet<string> {
  let names = namesOfGlossary.get(glossary);
  if (names === undefined) {
    names = new Set(
      glossary.entries
        .filter((entry) => entry.kind !== 'term')
        .flatMap((entry) => entry.en.toLowerCase().split(/[\s-]+/u))
        .filter((word) => /^\p{L}+$/u.test(word)),
    );
    namesOfGlossary.set(glossary, names);
  }
  return names;
}

/**
 * A missing word that is part of a name of several words the glossary knows, typed whole in the question
 * ("jong" of "kim jong un"): the whole name as typed, so the refusal names who was asked about.
 */
function wholeKnownName(phrase: string, question: string, glossary: Glossary): string {
  const lower = question.toLowerCase();
  const words = phrase.toLowerCase().split(/[\s-]+/u);
  for (const entry of glossary.entries) {
    if (entry.kind === 'term' || !/[\s-]/u.test(entry.en)) continue;
    const name = entry.en.toLowerCase();
    const nameWords = name.split(/[\s-]+/u);
    if (!words.every((word) => nameWords.includes(word))) continue;
    const at = lower.indexOf(name);
    if (at >= 0) return question.slice(at, at + name.length);
  }
  return phrase;
}

/**
 * The knowledge files' fingerprint, and optionally how to load exactly the files it was computed from (a reload that
 * finds a change then reads a large archive once, not twice).
 */
export interface KnowledgeFingerprint {
  readonly fingerprint: string;
  readonly load?: () => Promise<KnowledgeBase>;
}

/** Opens (loads or builds) the index for a knowledge version, reusing the previous index's vectors. */
export type IndexOpener = (
  knowledge: KnowledgeBase,
  previous: ServingIndex | undefined,
) => Promise<{ index: ServingIndex; origin: string; embedded: number }>;

export interface KizunaServiceOptions {
  readonly loadKnowledge: () => Promise<KnowledgeBase>;
  /**
   * The fingerprint `loadKnowledge` would give, computed without parsing anything (a hash of the files), so a
   * reload with nothing changed skips the parse: at 100,000 passages parsing takes seconds, hashing tens of ms.
   * With `load`, a reload that finds a change loads the very files it hashed instead of calling `loadKnowledge`.
   * @default none: every reload loads the knowledge and compares the fingerprints
   */
  readonly fingerprintKnowledge?: () => Promise<KnowledgeFingerprint>;
  /**
   * What is read with the knowledge at start and on every reload besides the sheets: other names for
   * their terms, and the Japanese glossary. @default none of either
   */
  readonly loadLexicon?: () => Promise<Lexicon>;
  /**
   * Where the glossary gap check of a whole knowledge version is remembered across restarts, keyed by the
   * knowledge's and the lexicon's fingerprints (a lexicon without one is checked every time).
   * @default none: every start checks every passage
   */
  readonly glossaryGapsMemo?: GlossaryGapsMemo;
  readonly openIndex: IndexOpener;
  /**
   * Per-document vocabulary work to start from, e.g. restored from disk with the parsed knowledge (see
   * `ParsedKnowledgeStore`). @default an empty cache
   */
  readonly vocabularyCache?: VocabularyCache;
  /**
   * Called once a knowledge version built from changed files is serving (at start, and after each reload that
   * changed the knowledge), e.g. to save what was parsed for the next start. Awaited; a throw is logged, never
   * fails the start or reload.
   */
  readonly afterKnowledgeChange?: () => Promise<void>;
  readonly embedder: QueryEmbedder & { readonly id: string };
  readonly answerer: Answerer;
  /** Used when `answerer` (a model) fails, so a question still gets an answer. */
  readonly fallbackAnswerer: Answerer;
  /**
   * Rewrites a follow-up with a model when one is configured: a checked rewrite, or undefined (or a
   * throw) to use the rule-based one.
   */
  readonly condenseQuestion?: (
    question: string,
    history: readonly ConversationTurn[],
  ) => Promise<string | undefined>;
  /** The model provider's state, for `status()`, when a model is configured. */
  readonly providerHealth?: () => ProviderHealthSnapshot;
  /**
   * With a model answerer: when every passage fits in this many tokens (four characters a token), the
   * model sees them all after the retrieved ones, so a retrieval miss cannot cost an answer. @default 0
   */
  readonly promptBudgetTokens?: number;
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
 * The named sheet's best passage must score below this share of the best passage of any sheet before
 * Kizuna says the named sheet does not cover the subject: a paraphrase the named sheet answers scores
 * about as well. The share compose.ts uses for "nearly as close" (LEAD_SHARE).
 */
const OTHER_SHEET_SHARE = LEAD_SHARE;

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
    /** Per-document vocabulary work, reused by reloads for the documents they leave unchanged. */
    private readonly vocabularyCache: VocabularyCache,
  ) {
    this.state = state;
    this.indexOrigin = indexOrigin;
    this.startedAt = this.now();
  }

  static async start(options: KizunaServiceOptions): Promise<KizunaService> {
    const knowledge = await options.loadKnowledge();
    const lexicon = (await options.loadLexicon?.()) ?? EMPTY_LEXICON;
    const opened = await options.openIndex(knowledge, undefined);
    const vocabularyCache = options.vocabularyCache ?? createVocabularyCache();
    const state = createKnowledgeState(
      knowledge,
      lexicon,
      opened.index,
      options.embedder,
      options.wordVectors,
      vocabularyCache,
    );
    options.logger.info(
      { passages: knowledge.passages.length, origin: opened.origin, embedded: opened.embedded },
      'knowledge ready',
    );
    await reportAllGlossaryGaps(knowledge, lexicon, options);
    await afterKnowledgeChange(options);
    return new KizunaService(options, state, opened.origin, vocabularyCache);
  }

  /**
   * Answers one question. The stages, in order, each a small module of `src/core/pipeline/` tested
   * alone: normalise (markup, Unicode, numbers, aliases, language) → interpret (intent, follow-up,
   * target sheets, asked fact) → retrieve → judge (answer, closest passage, or refusal) → compose →
   * verify (each sentence supported by the passage it cites) → present (citations renumbered, the
   * reply's language).
   *
   * @throws KizunaError `INVALID_INPUT`, `EMPTY_QUESTION` or `QUESTION_TOO_LONG` for bad input (nothing counted).
   */
  async ask(request: AskRequest): Promise<Answer> {
    const started = performance.now();
    const state = this.state;
    const validated = validateQuestion(request?.question, this.options.maxQuestionLength);
    const input = normalise(validated, {
      aliases: state.aliases,
      glossary: state.glossary,
      ...(request.language === undefined ? {} : { preferredLanguage: request.language }),
    });
    const language = input.kind === 'unsupported-language' ? 'en' : input.language;
    const finish = (reply: Reply): Answer => this.finish(input.display, language, reply, started);

    if (input.kind === 'unsupported-language')
      return finish(
        plainReply('unsupported-language', messages('en').unsupportedLanguage(input.languageName)),
      );
    const say = messages(language);
    // Nothing left once markup is gone ("<@123>" alone): there is no question to read.
    if (input.kind === 'empty') return finish(plainReply('unclear', say.noTopic()));
    if (input.translated?.isChitChat === true)
      return finish(
        plainReply('chit-chat', say.chitChat(state.knowledge.documents.length, smallTalkKind(input.display))),
      );

    const history = normaliseHistory((request.history ?? []).slice(-MAX_HISTORY_TURNS), {
      aliases: state.aliases,
      glossary: state.glossary,
    });
    // "My uncle reads the Journal at the diner every mornin… Where does Japan rank among investors?": the
    // story is read as the turn before the question.
    const reading = {
      ...(await this.interpretTold(input.search, history, state)),
      typed: input.display,
    };
    if (reading.intent === 'chit-chat')
      return finish(
        plainReply('chit-chat', say.chitChat(state.knowledge.documents.length, smallTalkKind(input.display))),
      );
    if (reading.intent === 'unclear') return finish(plainReply('unclear', say.noTopic()));
    // "which sheet is that from?" after an answer: the sheet and section of the passage it quoted.
    const lastAnswer = [...history].reverse().find((turn) => turn.role === 'assistant')?.text;
    if (lastAnswer !== undefined && asksSourceOfLastAnswer(input.display)) {
      const source = sourceOfLastAnswerReply(state, say, lastAnswer);
      if (source !== undefined) return finish(source);
    }
    if (reading.intent === 'sources') {
      const documents = [...state.knowledge.documents].sort((a, b) => a.date.localeCompare(b.date));
      return finish(plainReply('chit-chat', say.sourcesList(documents)));
    }
    // "What did the 2017 fact sheet say?": there is none, and any passage would pass for it.
    const absentYear = absentSheetYear(reading.question, state.knowledge.documents);
    if (absentYear !== undefined) {
      const documents = [...state.knowledge.documents].sort((a, b) => a.date.localeCompare(b.date));
      return finish({
        ...plainReply('not-covered', say.noSheetOfYear(absentYear, documents)),
        missingTerms: [absentYear],
      });
    }

    const retrieved = await this.retrieveFor(state, reading);
    const passages =
      reading.intent === 'overview'
        ? retrieved
        : reachForAskedFact(reading, retrieved, (stem) => state.vocabulary.stemPassageCounts.get(stem) ?? 0);
    if (reading.intent === 'overview' && !asksOverviewOfMissingTopic(reading)) {
      const lines = reading.hasTopic
        ? overviewLines(state.knowledge, reading, await this.retrieveFor(state, topicOnly(reading)), {
            fillFrom: passages,
          })
        : overviewLines(state.knowledge, reading, passages);
      if (lines.length > 0) return finish(overviewReply(state, say, lines, reading.hasTopic));
    }

    const plain =
      reading.expansions.length === 0 ? passages : await this.retrieveFor(state, reading, undefined, false);
    const judgement = judge(
      reading,
      passages,
      plain,
      this.judgeOptions(state, input.translated !== undefined),
    );
    const missing = (phrases: readonly string[], words: readonly string[] = phrases) =>
      inLanguage(
        asTyped(
          [...new Set(phrases.map((phrase) => wholeKnownName(phrase, input.display, state.glossary)))],
          input.rewritten,
        ),
        words,
        input.translated,
      );
    const refuse = () =>
      finish(
        notCoveredReply(
          say,
          judgement.kind === 'answer' || judgement.kind === 'no-topic'
            ? missing([])
            : missing(judgement.missing, judgement.missingWords),
          state.knowledge.documents.length,
        ),
      );
    // "What did the 2019 sheet say about jobs?" when only the 2018 sheet mentions jobs: say so, and show
    // the 2018 sheet's passage, rather than offer an unrelated 2019 passage. Only when the question is
    // answerable from the sheets as a whole (judged on every sheet's passages): "who won the world series
    // in 2019?" stays refused, and so does anything named that no sheet mentions.
    const onlyElsewhere =
      judgement.kind === 'no-topic'
        ? undefined
        : wordsOnlyInOtherSheets(
            reading,
            reading.coverage,
            documentStems(state.vocabulary, state.knowledge),
            this.weightOf,
            state.knowledge.documents.map((document) => document.id),
          );
    if (
      onlyElsewhere !== undefined &&
      onlyElsewhere.phrases.length > 0 &&
      reading.documentIds !== undefined
    ) {
      const asked = reading.documentIds;
      const { documentIds: _named, ...unscoped } = reading;
      const everywhere = await this.retrieveFor(state, unscoped);
      const overall = judge(
        unscoped,
        everywhere,
        everywhere,
        this.judgeOptions(state, input.translated !== undefined),
      );
      // The named sheet's best passage, if nearly as close as any, answers after all (a paraphrase);
      // the other sheet's passage must use every word the named one lacks, or it is not about them.
      const named = passages[0]?.score ?? 0;
      const best = everywhere[0]?.score ?? 0;
      const elsewhere = everywhere.find((item) => !asked.includes(item.document.id));
      if (
        (overall.kind === 'answer' || overall.kind === 'related') &&
        named < best * OTHER_SHEET_SHARE &&
        elsewhere !== undefined &&
        usesEveryWord(elsewhere.passage.text, onlyElsewhere)
      ) {
        return finish(
          otherSheetReply(state, say, elsewhere, reading.standalone, missing(onlyElsewhere.phrases), asked),
        );
      }
    }
    // A model judges for itself whether the passages answer (the word-by-word check would refuse many
    // paraphrases), and the grounding check keeps what it says honest; without one, the judge decides.
    const modelJudges = this.options.answerer.usesModel === true;
    switch (judgement.kind) {
      case 'no-topic':
        return finish(plainReply('unclear', say.noTopic()));
      case 'not-covered':
        if (!modelJudges) return refuse();
        break;
      case 'related':
        if (!modelJudges)
          return finish(
            relatedReply(
              state,
              say,
              // "when?" after an answer: what the sheets don't say is of the passage just quoted.
              judgement.closest ??
                (judgement.unstated === undefined ? undefined : lastQuoted(state, reading)) ??
                passages[0],
              reading.standalone,
              missing(judgement.missing, judgement.missingWords),
              judgement.unstated,
            ),
          );
        break;
      case 'answer': {
        // "when?" right after Abe's remark: asked of what was just said, which the sheets do not date.
        const unstated = !modelJudges ? unstatedOfLastAnswer(state, reading) : undefined;
        if (unstated !== undefined)
          return finish(relatedReply(state, say, unstated.passage, reading.standalone, [], unstated.kind));
        break;
      }
    }

    // The passage dating the time asked about leads, when the judge found one (see judge).
    const led =
      judgement.kind === 'answer' && judgement.lead !== undefined
        ? [judgement.lead, ...passages.filter((item) => item !== judgement.lead)]
        : passages;
    const ordered = withoutWhatWasSaid(
      reading,
      this.withEveryPassageIfItFits(
        state,
        leadWithDefinition(
          reading,
          leadWithLastAnswer(reading, leadWithAskedFact(reading, led, LEAD_SHARE, partiesOf(state))),
        ),
      ),
    );
    // A Japanese question goes to a model as asked, so it may answer in Japanese; the glossary reads that
    // answer back into the sheets' English for the grounding check.
    const readJapanese =
      input.translated === undefined
        ? undefined
        : (text: string) => readJapaneseAsEnglish(text, state.glossary);
    const { draft, answererId } = await this.draft(
      {
        question: readJapanese === undefined ? reading.question : input.display,
        ...(readJapanese === undefined ? {} : { readJapanese }),
        standaloneQuestion: reading.standalone,
        history: reading.history,
        passages: ordered,
        crossSheet: reading.crossSheet,
        ...(reading.asks === undefined ? {} : { asks: reading.asks }),
        ...(mayAskForWords(reading.question) ? { wantsWords: true } : {}),
      },
      request.onVerifiedText,
    );
    const verified = verifyDraft(draft.answered ? draft.text : '', ordered, readJapanese);
    if (verified.dropped.length > 0)
      this.options.logger.warn(
        { dropped: verified.dropped },
        'dropped answer sentences their passages do not support',
      );
    // The lead-in introduces the sheets' own English sentences; a model's Japanese answer needs none.
    const quotesTheSheets = answererId === this.options.fallbackAnswerer.id;
    const leadIn = quotesTheSheets ? say.answerLeadIn(input.translated?.asks) : '';
    const drafted =
      verified.text === ''
        ? undefined
        : answeredReply(state, say, verified.text, ordered, answererId, leadIn);
    // "wasn't it 40,000 jobs?": the sheets' figure is the answer, and it says "no" before it is quoted.
    const verdict =
      drafted === undefined || !quotesTheSheets
        ? undefined
        : checkClaim(reading.question, drafted.citations[0]?.passage ?? '');
    const answered =
      drafted === undefined || verdict === undefined
        ? drafted
        : {
            ...drafted,
            text: `${[say.claimVerdict(verdict), leadIn].filter((part) => part !== '').join(' ')}\n${
              leadIn === '' ? drafted.text : drafted.text.slice(leadIn.length + 1)
            }`,
          };
    if (answered !== undefined)
      return finish(
        draft.fallbackReason === undefined ? answered : { ...answered, fallbackReason: draft.fallbackReason },
      );
    // A model that says the passages do not answer gets the honest refusal; an answerer that found
    // nothing it could cite shows the closest passage rather than guess.
    if (modelJudges && draft.fallbackReason === undefined) return refuse();
    return finish(relatedReply(state, say, ordered[0], reading.standalone, [], undefined, answererId));
  }

  /**
   * A model answers best when it sees every passage, as long as they fit its prompt budget: the
   * retrieved ones first (markers refer to this list), then the rest of the knowledge in sheet order.
   */
  private withEveryPassageIfItFits(
    state: KnowledgeState,
    retrieved: readonly RetrievedPassage[],
  ): RetrievedPassage[] {
    const budget = this.options.promptBudgetTokens ?? 0;
    if (this.options.answerer.usesModel !== true || budget === 0) return [...retrieved];
    const characters = state.knowledge.passages.reduce((sum, passage) => sum + passage.text.length, 0);
    if (characters / 4 > budget) return [...retrieved];
    const shown = new Set(retrieved.map((item) => item.passage.id));
    const rest = state.knowledge.passages.flatMap((passage) => {
      const document = state.documentsById.get(passage.documentId);
      return shown.has(passage.id) || document === undefined ? [] : [{ passage, document, score: 0 }];
    });
    return [...retrieved, ...rest];
  }

  private finish(question: string, language: ReplyLanguage, reply: Reply, started: number): Answer {
    if (reply.outcome === 'answered') this.answered++;
    else this.refused++;
    return {
      question,
      answered: reply.outcome === 'answered',
      outcome: reply.outcome,
      language,
      text: reply.text,
      citations: reply.citations,
      missingTerms: reply.missingTerms,
      answerer: reply.answerer,
      ...(reply.fallbackReason === undefined ? {} : { fallbackReason: reply.fallbackReason }),
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  /**
   * "My uncle reads the Journal at the diner every mornin… Where does Japan rank among investors?": a
   * question closing a story is read on its own when it names a subject of its own (the story's uncle and
   * diner are not what is asked); otherwise ("Is that done yet?") the message is read whole. A closing
   * question whose subject is only in the story ("how many will it put to work?") loses it: on the
   * Midwest set (en-t) this fixed 8 and broke 1.
   */
  private async interpretTold(
    text: string,
    history: readonly ConversationTurn[],
    state: KnowledgeState,
  ): Promise<Reading> {
    const split = splitPreamble(text);
    const { preamble } = split;
    // A remark after the question that names a subject of the sheets ("F-35 and what else", "like
    // shipping lanes n stuff") is part of what is asked; one that names none ("on mobile") is not.
    const afterword =
      split.afterword !== undefined &&
      (split.aside === true || !(await this.interpretWithCondenser(split.afterword, [], state)).hasTopic)
        ? split.afterword
        : undefined;
    const question =
      split.afterword !== undefined && afterword === undefined
        ? `${split.question} ${split.afterword}`
        : split.question;
    if (preamble === undefined && afterword === undefined)
      return this.interpretWithCondenser(text, history, state);
    const alone = await this.interpretWithCondenser(question, history, state);
    // "tldr of the 2018 fact sheet? on mobile": an overview of a sheet names no topic, and needs none.
    if ((alone.hasTopic || alone.intent === 'overview') && !alone.followUp) return alone;
    return this.interpretWithCondenser(text, history, state);
  }

  private async interpretWithCondenser(
    question: string,
    history: readonly ConversationTurn[],
    state: KnowledgeState,
  ): Promise<Reading> {
    const reading = interpret(question, history, this.interpretContext(state));
    if (!reading.followUp || this.options.condenseQuestion === undefined) return reading;
    try {
      const rewrite = await this.options.condenseQuestion(question, reading.history);
      return rewrite === undefined ? reading : { ...reading, standalone: rewrite };
    } catch (error) {
      this.options.logger.warn({ err: error }, 'condensing a follow-up failed; using the rule-based rewrite');
      return reading;
    }
  }

  private interpretContext(state: KnowledgeState): InterpretContext {
    const names = glossaryNames(state.glossary);
    return {
      documents: state.knowledge.documents,
      vocabulary: state.vocabulary,
      ...(this.options.wordVectors === undefined ? {} : { wordVectors: this.options.wordVectors }),
      // A glossary name that is also an everyday English word ("Emperor", a title) is no name.
      coverage: {
        ...this.options.coverage,
        isKnownName: (token) =>
          names.has(token) &&
          (this.options.wordVectors?.rank(token) ?? Number.POSITIVE_INFINITY) > EVERYDAY_WORD_RANK,
      },
    };
  }

  /** How much a question word says about its topic (rarity in English, 0–1); every word 1 without a word table. */
  private get weightOf(): (term: TermCoverage['term']) => number {
    const table = this.options.wordVectors;
    return table === undefined ? () => 1 : rarityWeight((word) => table.rank(word));
  }

  /**
   * @param translated - the question was read from Japanese: words the glossary could not translate stay
   *   as typed and count as unknown, so the stricter share measured for Japanese applies.
   */
  private judgeOptions(state: KnowledgeState, translated: boolean): JudgeOptions {
    const counts = state.vocabulary.stemPassageCounts;
    const coverage = translated
      ? { maxMissingShare: TRANSLATED_MAX_MISSING_SHARE, ...this.options.coverage }
      : this.options.coverage;
    return {
      passagesUsing: (stem) => counts.get(stem) ?? 0,
      isParty: partiesOf(state),
      sheetsMention: (phrase) => sheetText(state).includes(phrase),
      ...(this.options.wordVectors === undefined ? {} : { wordVectors: this.options.wordVectors }),
      ...(coverage === undefined ? {} : { coverage }),
      ...(this.options.minimumScore === undefined ? {} : { minimumScore: this.options.minimumScore }),
    };
  }

  /** What answering would retrieve for a question (typo corrections, sheet targeting, quotations), for evaluation and benchmarks. */
  async retrieve(question: string, k: number): Promise<RetrievedPassage[]> {
    const state = this.state;
    const input = normalise(validateQuestion(question, this.options.maxQuestionLength), {
      aliases: state.aliases,
      glossary: state.glossary,
    });
    const search = input.kind === 'question' ? input.search : input.display;
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
    // Japanese speakers and topics are searched as the sheets' English, for the CLI and /quote alike.
    const quotation = state.quotations.find(readQuoteQuery(query, state.glossary, state.aliases));
    if (quotation === undefined) return undefined;
    const passage = state.passagesById.get(quotation.passageId);
    const citation = passage === undefined ? undefined : citationFor(state, passage, 1);
    return citation === undefined ? undefined : { quotation, citation };
  }

  speakers(typed?: string): readonly string[] {
    const { quotations, glossary, aliases } = this.state;
    if (typed === undefined || typed.trim() === '') return quotations.speakers;
    const read = readQuoteQuery({ speaker: typed }, glossary, aliases).speaker ?? typed;
    return suggestSpeakers(quotations.speakers, read);
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
      ...(this.options.providerHealth === undefined ? {} : { provider: this.options.providerHealth() }),
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
      const read = await this.options.fingerprintKnowledge?.();
      const knowledge =
        read?.fingerprint === previous.knowledge.fingerprint
          ? previous.knowledge
          : await (read?.load ?? this.options.loadKnowledge)();
      const lexicon = (await this.options.loadLexicon?.()) ?? EMPTY_LEXICON;
      // Same bytes, same knowledge: the serving index and everything derived from it stay as they are.
      const unchanged = knowledge.fingerprint === previous.knowledge.fingerprint;
      const opened = unchanged
        ? { index: previous.index, origin: this.indexOrigin, embedded: 0 }
        : await this.options.openIndex(knowledge, previous.index);
      // The loader hands back the very same lexicon when its files did not change.
      const sameLexicon = lexicon.aliases === previous.aliases && lexicon.glossary === previous.glossary;
      if (!unchanged) {
        this.state = createKnowledgeState(
          knowledge,
          lexicon,
          opened.index,
          this.options.embedder,
          this.options.wordVectors,
          this.vocabularyCache,
        );
        this.indexOrigin = opened.origin;
      } else if (!sameLexicon) {
        // Aliases and the glossary change how questions are read, not the passages: the index stays.
        this.state = withLexicon(previous, lexicon);
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
      if (!unchanged) {
        // Words the glossary lacked before were reported then; what is new is the changed files' words (all of
        // them again when the glossary changed too).
        if (lexicon.glossary === previous.glossary)
          reportGlossaryGaps(
            passagesNotIn(previous.knowledge.passages, knowledge.passages),
            lexicon.glossary,
            this.options.logger,
          );
        else await reportAllGlossaryGaps(knowledge, lexicon, this.options);
        await afterKnowledgeChange(this.options);
      }
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
    context: AnswerContext,
    onVerifiedText: ((text: string) => void) | undefined,
  ): Promise<{ draft: DraftAnswer; answererId: string }> {
    const { answerer, fallbackAnswerer, logger } = this.options;
    try {
      const draft = await answerer.answer(context, onVerifiedText === undefined ? {} : { onVerifiedText });
      return { draft, answererId: draft.answeredBy ?? answerer.id };
    } catch (error) {
      if (answerer === fallbackAnswerer) throw error;
      logger.warn({ err: error, answerer: answerer.id }, 'answerer failed; answering extractively instead');
      const draft = await fallbackAnswerer.answer(context);
      return {
        draft: { ...draft, fallbackReason: 'the language model failed' },
        answererId: fallbackAnswerer.id,
      };
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

async function afterKnowledgeChange(options: KizunaServiceOptions): Promise<void> {
  try {
    await options.afterKnowledgeChange?.();
  } catch (error) {
    options.logger.warn({ err: error }, 'the step after a knowledge change failed; the knowledge is serving');
  }
}

/**
 * Missing terms as the person wrote them: for a Japanese question, the Japanese words whose English the
 * sheets never use (and the Japanese words the glossary does not know), not the English stand-ins.
 */
/** Missing words as the person typed them: "price tag", not the "cost" it was read as. */
function asTyped(phrases: readonly string[], rewritten: readonly AliasUse[] | undefined): string[] {
  if (rewritten === undefined) return [...phrases];
  return phrases.map(
    (phrase) => rewritten.find((use) => use.term.toLowerCase() === phrase.toLowerCase())?.original ?? phrase,
  );
}

function inLanguage(
  phrases: readonly string[],
  words: readonly string[],
  translated: TranslatedQuestion | undefined,
): string[] {
  if (translated === undefined) return [...phrases];
  const englishWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const japanese = words.flatMap((word) => {
    const lower = word.toLowerCase();
    const term = translated.terms.find((item) => englishWords(item.en).includes(lower));
    // A word of the question's frame ("how", "what") has no Japanese of its own to name.
    return term === undefined ? [] : [term.ja];
  });
  return [...new Set([...translated.unknownTerms, ...japanese])];
}

/**
 * A new sheet brings words the Japanese glossary may not reach yet: list them (commonest first) so
 * whoever added it knows what to add (`npm run glossary:coverage` gives the whole report). At start, every
 * passage's words; a start with the same files as a start before repeats that start's result from the memo.
 */
async function reportAllGlossaryGaps(
  knowledge: KnowledgeBase,
  lexicon: Lexicon,
  options: KizunaServiceOptions,
): Promise<void> {
  if (lexicon.glossary.entries.length === 0) return;
  const { glossaryGapsMemo: memo, logger } = options;
  const key =
    memo === undefined || lexicon.fingerprint === undefined
      ? undefined
      : glossaryGapsKey(knowledge.fingerprint, lexicon.fingerprint);
  let gaps: GlossaryGaps | undefined;
  if (memo !== undefined && key !== undefined) {
    gaps = await memo.read(key).catch((error: unknown) => {
      logger.debug({ err: error }, 'the remembered glossary gaps could not be read; checking again');
      return undefined;
    });
  }
  if (gaps === undefined) {
    gaps = findGlossaryGaps(knowledge.passages, lexicon.glossary);
    if (memo !== undefined && key !== undefined) {
      await memo.write(key, gaps).catch((error: unknown) => {
        logger.debug({ err: error }, 'the glossary gaps could not be remembered for the next start');
      });
    }
  }
  logGlossaryGaps(gaps, knowledge.passages.length, logger);
}

/** {@link reportAllGlossaryGaps} for some passages only (those of the files a reload changed). */
function reportGlossaryGaps(passages: readonly Passage[], glossary: Glossary, logger: Logger): void {
  if (glossary.entries.length === 0 || passages.length === 0) return;
  logGlossaryGaps(findGlossaryGaps(passages, glossary), passages.length, logger);
}

function logGlossaryGaps(gaps: GlossaryGaps, passagesChecked: number, logger: Logger): void {
  if (gaps.count > 0) {
    logger.warn(
      { count: gaps.count, terms: gaps.terms, passagesChecked },
      'the Japanese glossary has no entry for some words of the fact sheets (npm run glossary:coverage)',
    );
  }
}

/** The passages of `after` that are not (the very same objects) in `before`: those of the files parsed anew. */
function passagesNotIn(before: readonly Passage[], after: readonly Passage[]): Passage[] {
  const kept = new Set(before);
  return after.filter((passage) => !kept.has(passage));
}

/** A Japanese sentence as the sheets' English: the glossary's terms and numbers, and the words it does not know. */
function readJapaneseAsEnglish(text: string, glossary: Glossary): string {
  const translated = translateJapaneseQuestion(text, glossary);
  return [translated.englishQuery, ...translated.unknownTerms].join(' ');
}

const sheetTexts = new WeakMap<KnowledgeState, string>();

/** Every passage of the knowledge, lower case, one per line: for looking up whole phrases. */
function sheetText(state: KnowledgeState): string {
  let text = sheetTexts.get(state);
  if (text === undefined) {
    text = state.knowledge.passages.map((passage) => passage.text.toLowerCase()).join('\n');
    sheetTexts.set(state, text);
  }
  return text;
}

/**
 * "Tell me more", or the same question again: what was said already is left out of the answer (it was
 * ranked last), unless nothing else is left to say.
 */
function withoutWhatWasSaid(reading: Reading, passages: readonly RetrievedPassage[]): RetrievedPassage[] {
  // Only a bare request for more: "anything else besides those?" may be answered by a passage said in part.
  if (
    !reading.wantsMore ||
    !(MORE_OF_THE_SAME.test(reading.question) || isRepeated(reading.question, reading.history))
  )
    return [...passages];
  const wasSaid = saidIn(saidSentences(reading.history));
  const unsaid = passages.filter((item) => !wasSaid(item));
  return unsaid.length > 0 ? unsaid : [...passages];
}

/** "tell me more", "go on", "more?", "what else?": more of the conversation's topic, nothing named. */
const MORE_OF_THE_SAME =
  /^\W*(?:(?:ok(?:ay)?|and|so|cool|nice|thanks)[\s,!.]+)?(?:(?:tell|give|show)\s+(?:me|us)\s+(?:some\s+)?more|(?:any(?:thing)?\s+)?more|go\s+on|keep\s+going|continue|what\s+else|anything\s+else)\b[^?]{0,20}\W*$/iu;

/**
 * A bare follow-up asking for a kind of fact ("when?", "and where?", "how much?") of what the last answer
 * quoted, when that passage does not state one: the sheets do not say, and another passage's date would
 * answer a different question. Undefined otherwise (the question names a subject, or the passage states it).
 */
/** The passage the last answer quoted first, for a bare follow-up ("when?"); undefined otherwise. */
function lastQuoted(state: KnowledgeState, reading: Reading): RetrievedPassage | undefined {
  const said = [...reading.history].reverse().find((turn) => turn.role === 'assistant')?.text;
  if (!reading.followUp || reading.hasTopic || said === undefined || !BARE_FOLLOW_UP.test(reading.question))
    return undefined;
  const passage = passageQuotedFirst(state, said);
  const document = passage === undefined ? undefined : state.documentsById.get(passage.documentId);
  return passage === undefined || document === undefined ? undefined : { passage, document, score: 1 };
}

function unstatedOfLastAnswer(
  state: KnowledgeState,
  reading: Reading,
): { readonly passage: RetrievedPassage; readonly kind: UnstatedFact } | undefined {
  const kind = reading.asks;
  const item = lastQuoted(state, reading);
  if (kind === undefined || item === undefined) return undefined;
  return statesWhatWasAsked(reading, item) ? undefined : { passage: item, kind };
}

/** "when?", "and where?", "how much?", "who?": a question word and little else. */
const BARE_FOLLOW_UP =
  /^\W*(?:(?:and|so|ok(?:ay)?|but|wait)[\s,]+)?(?:when|where|who|how\s+much|how\s+many)(?:\s+(?:was|is|did|does|were)\s+(?:that|it|this|they|he|she))?(?:\s+exactly)?\W*$/iu;
