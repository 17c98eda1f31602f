import type {
  Answer,
  AskRequest,
  Citation,
  CoreStatus,
  KizunaCore,
  QuoteQuery,
  QuoteResult,
  ReloadReport,
  SourceSummary,
} from '../../../src/core/types.js';
import type { CoreFactory, CoreFactoryOptions } from '../../../src/cli/cli-deps.js';

/** A citation with recognisable, made-up content. */
export function fakeCitation(marker: number, overrides: Partial<Citation> = {}): Citation {
  return {
    marker,
    passageId: `sheet-a#p${marker}`,
    documentId: 'sheet-a',
    title: 'Fact Sheet A',
    date: '2019-05-25',
    displayDate: 'May 25, 2019',
    section: `SECTION ${marker}`,
    passage: `Verbatim passage number ${marker} about cooperation between the two allies.`,
    ...overrides,
  };
}

export interface FakeCoreOptions {
  /** Replaces the default answer (which echoes the question and cites one passage). */
  readonly answer?: (request: AskRequest) => Answer | Promise<Answer>;
  readonly quotes?: readonly QuoteResult[];
  readonly speakers?: readonly string[];
  /** Replaces the default status (e.g. to add a model provider's state). @default FAKE_STATUS */
  readonly status?: CoreStatus;
}

/** A KizunaCore that records every request and answers by echoing, so tests can see exactly what it received. */
export interface FakeCore extends KizunaCore {
  readonly asked: AskRequest[];
  readonly quoteQueries: QuoteQuery[];
}

export function refusal(question: string): Answer {
  return {
    question,
    answered: false,
    outcome: 'not-covered',
    language: 'en',
    text: 'The fact sheets do not say anything about that.',
    citations: [],
    missingTerms: ['that'],
    answerer: 'fake',
    latencyMs: 3,
  };
}

function echoAnswer(request: AskRequest): Answer {
  return {
    question: request.question,
    answered: true,
    outcome: 'answered',
    language: 'en',
    text: `You asked: ${request.question} [1]`,
    citations: [fakeCitation(1)],
    missingTerms: [],
    answerer: 'fake',
    latencyMs: 7,
  };
}

export function fakeQuote(speaker: string, text: string, overrides: Partial<Citation> = {}): QuoteResult {
  const citation = fakeCitation(1, { passage: `${speaker} said: “${text}”`, ...overrides });
  return {
    quotation: {
      id: `q-${speaker}`,
      speaker,
      text,
      passageId: citation.passageId,
      documentId: citation.documentId,
      section: citation.section,
      form: 'whole-line',
    },
    citation,
  };
}

const SOURCES: readonly SourceSummary[] = [
  {
    documentId: 'sheet-a',
    title: 'Fact Sheet A',
    publisher: 'The White House',
    date: '2019-05-25',
    displayDate: 'May 25, 2019',
    dateApproximate: false,
    passageCount: 3,
    quotationCount: 1,
  },
];

export const FAKE_STATUS: CoreStatus = {
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
};

export function createFakeCore(options: FakeCoreOptions = {}): FakeCore {
  const asked: AskRequest[] = [];
  const quoteQueries: QuoteQuery[] = [];
  const quotes = options.quotes ?? [];
  return {
    asked,
    quoteQueries,
    async ask(request) {
      // Copy: the caller may keep mutating its own history array.
      asked.push(structuredClone(request));
      return (options.answer ?? echoAnswer)(request);
    },
    quote(query = {}) {
      quoteQueries.push(query);
      return quotes.find(
        (quote) =>
          (!query.speaker || quote.quotation.speaker.toLowerCase().includes(query.speaker.toLowerCase())) &&
          (!query.topic || quote.quotation.text.toLowerCase().includes(query.topic.toLowerCase())),
      );
    },
    speakers: () => options.speakers ?? [...new Set(quotes.map((quote) => quote.quotation.speaker))],
    sources: () => SOURCES,
    citation: () => undefined,
    status: () => options.status ?? FAKE_STATUS,
    reload: async (): Promise<ReloadReport> => {
      throw new Error('not used by the CLI');
    },
  };
}

/** A core factory that records how it was called, to prove e.g. that a bad question never builds the core. */
export interface RecordingFactory extends CoreFactory {
  readonly calls: CoreFactoryOptions[];
}

export function recordingFactory(
  build: (options: CoreFactoryOptions) => KizunaCore | Promise<KizunaCore>,
): RecordingFactory {
  const calls: CoreFactoryOptions[] = [];
  const factory = async (options: CoreFactoryOptions) => {
    calls.push(options);
    return build(options);
  };
  return Object.assign(factory, { calls });
}
