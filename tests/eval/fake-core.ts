import type { Answer, AskRequest, Citation, CoreStatus, KizunaCore } from '../../src/core/types.js';

/** A citation of `passage` from `documentId`, with placeholder metadata. */
export function citationOf(marker: number, passage: string, documentId = 'doc-a'): Citation {
  return {
    marker,
    passageId: `${documentId}#${marker}`,
    documentId,
    title: `Title of ${documentId}`,
    date: '2019-05-25',
    displayDate: 'May 25, 2019',
    section: 'SECTION',
    passage,
  };
}

export function answerWith(text: string, citations: readonly Citation[]): Answer {
  return {
    question: 'q',
    answered: true,
    outcome: 'answered',
    language: 'en',
    text,
    citations,
    missingTerms: [],
    answerer: 'fake',
    latencyMs: 1,
  };
}

export function refusal(): Answer {
  return {
    question: 'q',
    answered: false,
    outcome: 'not-covered',
    language: 'en',
    text: 'The fact sheets do not cover that.',
    citations: [],
    missingTerms: ['x'],
    answerer: 'fake',
    latencyMs: 1,
  };
}

const status: CoreStatus = {
  fingerprint: 'f'.repeat(64),
  documentCount: 2,
  passageCount: 3,
  quotationCount: 0,
  embedder: 'fake-embedder',
  answerer: 'fake',
  startedAt: new Date(0),
  uptimeMs: 0,
  questionsAnswered: 0,
  questionsRefused: 0,
  indexOrigin: 'built in memory',
};

/** A core whose answers come from `respond`; records every request it was asked. */
export function fakeCore(
  respond: (request: AskRequest) => Answer | Promise<Answer>,
): KizunaCore & { asked: AskRequest[] } {
  const asked: AskRequest[] = [];
  return {
    asked,
    ask: async (request) => {
      asked.push(request);
      return respond(request);
    },
    quote: () => undefined,
    speakers: () => [],
    sources: () => [],
    citation: () => undefined,
    status: () => status,
    reload: () => Promise.reject(new Error('not supported by the fake')),
  };
}
