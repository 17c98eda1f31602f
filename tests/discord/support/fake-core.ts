import { KizunaError } from '../../../src/core/errors.js';
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
} from '../../../src/core/types.js';

/** A small, deterministic stand-in for the real core: two fact sheets, a few passages and quotations. */
export interface FakeCore extends KizunaCore {
  /** Every question asked, in order, with its history. */
  readonly asked: AskRequest[];
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
  return {
    question: request.question,
    answered: true,
    outcome: 'answered',
    language: 'en',
    text: `${FAKE_PASSAGES[0]!.text} [1] ${FAKE_PASSAGES[1]!.text} [2]`,
    citations,
    missingTerms: [],
    answerer: 'fake',
    latencyMs: 1,
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
  let passages = [...FAKE_PASSAGES];
  let answered = 0;
  let refused = 0;
  const startedAt = new Date(Date.now() - 90_000);
  let lastReload: CoreStatus['lastReload'];
  const maxQuestionLength = options.maxQuestionLength ?? 500;

  const core: FakeCore = {
    asked,
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
      asked.push(request);
      if (options.askDelayMs) await new Promise((resolve) => setTimeout(resolve, options.askDelayMs));
      const answer = await (options.answer ?? defaultFakeAnswer)(request);
      if (answer.answered) answered += 1;
      else refused += 1;
      return answer;
    },
    quote(query: QuoteQuery = {}): QuoteResult | undefined {
      const speaker = query.speaker?.toLowerCase();
      const topic = query.topic?.toLowerCase();
      const matches = FAKE_QUOTATIONS.filter(
        (quotation) =>
          (!speaker || quotation.speaker.toLowerCase().includes(speaker)) &&
          (!topic ||
            `${quotation.text} ${passages.find((p) => p.id === quotation.passageId)?.text ?? ''}`
              .toLowerCase()
              .includes(topic)),
      );
      const random = query.random ?? Math.random;
      const quotation = matches[Math.floor(random() * matches.length)];
      const citation = quotation && fakeCitation(quotation.passageId, 1, passages);
      return quotation && citation ? { quotation, citation } : undefined;
    },
    speakers: () => [...new Set(FAKE_QUOTATIONS.map((quotation) => quotation.speaker))],
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
