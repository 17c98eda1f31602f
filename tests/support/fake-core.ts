import { KizunaError } from '../../src/core/errors.js';
import type {
  Answer,
  AskRequest,
  Citation,
  CoreStatus,
  KizunaCore,
  KnowledgeDocument,
  Passage,
  QuoteQuery,
  QuoteResult,
  Quotation,
  ReloadReport,
  SourceSummary,
} from '../../src/core/types.js';

/**
 * The one stand-in for the real core in every spec (CLI, Discord, evaluation): small and deterministic, two
 * fact sheets, a few passages and quotations, built by {@link createFakeCore}; the builders below
 * ({@link citation}, {@link answered}, {@link refusal}, {@link quoteResult}) make the values a spec feeds it or
 * compares with.
 */
export interface FakeCore extends KizunaCore {
  /** Every question asked, in order, with its history (copied: a caller may keep changing its own). */
  readonly asked: AskRequest[];
  /** Every quotation query, in order. */
  readonly quoteQueries: QuoteQuery[];
  /** How many reloads were attempted. */
  reloadCalls: number;
  /** Removes a passage, as a reload that dropped it would. */
  forgetPassage(passageId: string): void;
}

export interface FakeCoreOptions {
  /** Replaces the default answer (which cites the first two passages). */
  readonly answer?: (request: AskRequest) => Answer | Promise<Answer>;
  /** Waits this long before answering, to exercise deferral and disconnects. @default 0 */
  readonly askDelayMs?: number;
  /** Makes `reload` reject with this error. */
  readonly reloadError?: Error;
  /** @default 500 */
  readonly maxQuestionLength?: number;
  /** The quotations `quote` chooses from, matching speaker and topic. @default those of FAKE_QUOTATIONS */
  readonly quotes?: readonly QuoteResult[];
  /** @default the speakers of the quotations */
  readonly speakers?: readonly string[];
  /** Replaces fields of the status (e.g. a model provider's state, another index origin). */
  readonly status?: Partial<CoreStatus>;
}

export const FAKE_DOCUMENTS: readonly KnowledgeDocument[] = [
  {
    id: '2018-us-japan-friendship',
    title: 'U.S.–Japan Friendship Fact Sheet',
    publisher: 'The White House',
    date: '2018',
    dateApproximate: true,
    displayDate: '2018 (approximate)',
    file: '2018-us-japan-friendship.md',
  },
  {
    id: '2019-05-25-us-japan-partnership',
    title: 'Advancing Our Partnership with Japan',
    publisher: 'The White House, Office of the Press Secretary',
    date: '2019-05-25',
    dateApproximate: false,
    displayDate: 'May 25, 2019',
    file: '2019-05-25-us-japan-partnership.md',
  },
];

const passage = (
  documentId: string,
  hash: string,
  section: string,
  position: number,
  text: string,
): Passage => ({
  id: `${documentId}#${hash}`,
  documentId,
  section,
  kind: position === 0 ? 'opening-quote' : 'bullet',
  position,
  line: position + 5,
  text,
});

export const FAKE_PASSAGES: readonly Passage[] = [
  passage(
    '2019-05-25-us-japan-partnership',
    'a1b2c3d4e5f6',
    'SHARED PROSPERITY',
    3,
    'The United States and Japan are working toward a bilateral trade agreement.',
  ),
  passage(
    '2018-us-japan-friendship',
    '0f1e2d3c4b5a',
    'A CLOSE FRIENDSHIP',
    1,
    'President Trump has praised Prime Minister Abe as a "great friend."',
  ),
  passage(
    '2019-05-25-us-japan-partnership',
    '9a8b7c6d5e4f',
    'A FREE AND OPEN INDO-PACIFIC',
    7,
    'The two nations cooperate on infrastructure in the Indo-Pacific.',
  ),
];

export const FAKE_QUOTATIONS: readonly Quotation[] = [
  {
    id: 'q1',
    speaker: 'President Donald J. Trump',
    text: 'great friend.',
    passageId: FAKE_PASSAGES[1]!.id,
    documentId: FAKE_PASSAGES[1]!.documentId,
    section: FAKE_PASSAGES[1]!.section,
    form: 'inline',
  },
  {
    id: 'q2',
    speaker: 'Prime Minister Shinzo Abe',
    text: 'The Japan-U.S. Alliance is unwavering.',
    passageId: FAKE_PASSAGES[0]!.id,
    documentId: FAKE_PASSAGES[0]!.documentId,
    section: FAKE_PASSAGES[0]!.section,
    form: 'whole-line',
  },
];

/** The citation a real core would give for a passage. */
export function fakeCitation(
  passageId: string,
  marker = 1,
  passages: readonly Passage[] = FAKE_PASSAGES,
): Citation | undefined {
  const found = passages.find((candidate) => candidate.id === passageId);
  const document = FAKE_DOCUMENTS.find((candidate) => candidate.id === found?.documentId);
  if (!found || !document) return undefined;
  return {
    marker,
    passageId: found.id,
    documentId: document.id,
    title: document.title,
    date: document.date,
    displayDate: document.displayDate,
    section: found.section,
    passage: found.text,
  };
}

/** The default answer: cites the first two passages, as a real answer cites what it used. */
export function defaultFakeAnswer(request: AskRequest): Answer {
  const citations = [fakeCitation(FAKE_PASSAGES[0]!.id, 1), fakeCitation(FAKE_PASSAGES[1]!.id, 2)].filter(
    (citation): citation is Citation => citation !== undefined,
  );
  return answered({
    question: request.question,
    text: `${FAKE_PASSAGES[0]!.text} [1] ${FAKE_PASSAGES[1]!.text} [2]`,
    citations,
  });
}

/**
 * A made-up citation (sheet "Fact Sheet A", section and passage numbered by the marker), for specs that
 * format or score citations without the fixtures' knowledge.
 */
export function citation(overrides: Partial<Citation> = {}): Citation {
  const marker = overrides.marker ?? 1;
  const documentId = overrides.documentId ?? 'sheet-a';
  return {
    marker,
    passageId: `${documentId}#p${marker}`,
    documentId,
    title: 'Fact Sheet A',
    date: '2019-05-25',
    displayDate: 'May 25, 2019',
    section: `SECTION ${marker}`,
    passage: `Verbatim passage number ${marker} about cooperation between the two allies.`,
    ...overrides,
  };
}

/** An answered question: `text` with its `citations` (none unless given). */
export function answered(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'q',
    answered: true,
    outcome: 'answered',
    language: 'en',
    text: '',
    citations: [],
    missingTerms: [],
    answerer: 'fake',
    latencyMs: 1,
    ...overrides,
  };
}

/** A question the fact sheets do not cover: not answered, no citations. */
export function refusal(overrides: Partial<Answer> = {}): Answer {
  return answered({
    answered: false,
    outcome: 'not-covered',
    text: 'The fact sheets do not say anything about that.',
    missingTerms: ['that'],
    ...overrides,
  });
}

/** Echoes the question ("You asked: … [1]") with one made-up citation: shows exactly what reached the core. */
export function echoAnswer(request: AskRequest): Answer {
  return answered({
    question: request.question,
    text: `You asked: ${request.question} [1]`,
    citations: [citation()],
    latencyMs: 7,
  });
}

/** A quotation by `speaker` and its made-up citation, for `createFakeCore({ quotes })`. */
export function quoteResult(speaker: string, text: string, overrides: Partial<Citation> = {}): QuoteResult {
  const cited = citation({ passage: `${speaker} said: “${text}”`, ...overrides });
  return {
    quotation: {
      id: `q-${speaker}`,
      speaker,
      text,
      passageId: cited.passageId,
      documentId: cited.documentId,
      section: cited.section,
      form: 'whole-line',
    },
    citation: cited,
  };
}

/** A fixed status (uptime 65 s, one sheet, origin "loaded from disk"), for specs that format one. */
export function coreStatus(overrides: Partial<CoreStatus> = {}): CoreStatus {
  return {
    fingerprint: 'abcdef0123456789abcdef',
    documentCount: 1,
    passageCount: 3,
    quotationCount: 1,
    embedder: 'fake-embedder',
    answerer: 'fake',
    startedAt: new Date('2024-01-01T00:00:00Z'),
    uptimeMs: 65_000,
    questionsAnswered: 2,
    questionsRefused: 1,
    indexOrigin: 'loaded from disk',
    ...overrides,
  };
}

export const FAKE_REPORT: ReloadReport = {
  added: 1,
  removed: 0,
  changed: 2,
  kept: 10,
  embedded: 3,
  durationMs: 1234,
  fingerprint: 'ffff0000eeee1111',
  previousFingerprint: 'aaaa0000bbbb1111',
  passageCount: 13,
};

export function createFakeCore(options: FakeCoreOptions = {}): FakeCore {
  const asked: AskRequest[] = [];
  const quoteQueries: QuoteQuery[] = [];
  let passages = [...FAKE_PASSAGES];
  let answered = 0;
  let refused = 0;
  const startedAt = new Date(Date.now() - 90_000);
  let lastReload: CoreStatus['lastReload'];
  const maxQuestionLength = options.maxQuestionLength ?? 500;

  const core: FakeCore = {
    asked,
    quoteQueries,
    reloadCalls: 0,
    forgetPassage(passageId) {
      passages = passages.filter((candidate) => candidate.id !== passageId);
    },
    async ask(request) {
      const question = request.question.trim();
      if (!question) throw new KizunaError('EMPTY_QUESTION', 'Please type a question.');
      if (question.length > maxQuestionLength) {
        throw new KizunaError(
          'QUESTION_TOO_LONG',
          `Questions can be at most ${maxQuestionLength} characters.`,
        );
      }
      asked.push(request.history ? { ...request, history: structuredClone(request.history) } : request);
      if (options.askDelayMs) await new Promise((resolve) => setTimeout(resolve, options.askDelayMs));
      const answer = await (options.answer ?? defaultFakeAnswer)(request);
      if (answer.answered) answered += 1;
      else refused += 1;
      return answer;
    },
    quote(query: QuoteQuery = {}): QuoteResult | undefined {
      quoteQueries.push(query);
      const speaker = query.speaker?.toLowerCase();
      const topic = query.topic?.toLowerCase();
      const matches = quotesOf(options.quotes, passages).filter(
        ({ quotation, citation: cited }) =>
          (!speaker || quotation.speaker.toLowerCase().includes(speaker)) &&
          (!topic || `${quotation.text} ${cited.passage}`.toLowerCase().includes(topic)),
      );
      const random = query.random ?? Math.random;
      return matches[Math.floor(random() * matches.length)];
    },
    speakers: (typed?: string) =>
      (
        options.speakers ?? [
          ...new Set(quotesOf(options.quotes, passages).map(({ quotation }) => quotation.speaker)),
        ]
      ).filter((speaker) => speaker.toLowerCase().includes((typed ?? '').trim().toLowerCase())),
    sources(): SourceSummary[] {
      return FAKE_DOCUMENTS.map((document) => ({
        documentId: document.id,
        title: document.title,
        publisher: document.publisher,
        date: document.date,
        displayDate: document.displayDate,
        dateApproximate: document.dateApproximate,
        passageCount: passages.filter((candidate) => candidate.documentId === document.id).length,
        quotationCount: FAKE_QUOTATIONS.filter((quotation) => quotation.documentId === document.id).length,
      }));
    },
    citation: (passageId) => fakeCitation(passageId, 1, passages),
    status(): CoreStatus {
      return {
        fingerprint: 'aaaa0000bbbb1111cccc',
        documentCount: FAKE_DOCUMENTS.length,
        passageCount: passages.length,
        quotationCount: FAKE_QUOTATIONS.length,
        embedder: 'fake-embedder@1',
        answerer: 'fake',
        startedAt,
        uptimeMs: Date.now() - startedAt.getTime(),
        ...(lastReload ? { lastReload } : {}),
        questionsAnswered: answered,
        questionsRefused: refused,
        indexOrigin: 'built in memory (fake)',
        ...options.status,
      };
    },
    async reload() {
      core.reloadCalls += 1;
      if (options.reloadError) {
        lastReload = { at: new Date(), ok: false, error: options.reloadError.message };
        throw options.reloadError;
      }
      lastReload = { at: new Date(), ok: true, report: FAKE_REPORT };
      return FAKE_REPORT;
    },
  };
  return core;
}

/** The quotations a fake core quotes from: the given ones, or the fixtures' with their citations. */
function quotesOf(given: readonly QuoteResult[] | undefined, passages: readonly Passage[]): QuoteResult[] {
  if (given) return [...given];
  return FAKE_QUOTATIONS.flatMap((quotation) => {
    const cited = fakeCitation(quotation.passageId, 1, passages);
    return cited ? [{ quotation, citation: cited }] : [];
  });
}
