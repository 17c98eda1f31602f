import { describe, expect, it } from 'vitest';

import type { EvalQuestion } from '../../src/eval/load-questions.js';
import {
  buildReport,
  formatFailedQuestions,
  formatTable,
  formatThresholdFailures,
} from '../../src/eval/report.js';
import { scoreQuestion } from '../../src/eval/score.js';
import { answered, citation, createFakeCore, refusal } from '../support/fake-core.js';

const direct: EvalQuestion = {
  id: 'jobs-direct-1',
  kind: 'direct',
  question: 'How many jobs?',
  answerable: true,
  expectedPassages: ['850,000 American jobs'],
  keyFacts: ['850,000'],
};
const nearDomain: EvalQuestion = {
  id: 'tokyo-near-1',
  kind: 'near-domain',
  question: 'Population of Tokyo?',
  answerable: false,
};

const machine = {
  cpuModel: 'Test CPU 3000',
  cpuCount: 2,
  nodeVersion: 'v20.0.0',
  platform: 'linux',
  arch: 'x64',
};

function sampleReport() {
  const results = [
    scoreQuestion(direct, {
      answer: answered({
        text: 'Over 850,000 [1].',
        citations: [citation({ marker: 1, passage: 'over 850,000 American jobs', documentId: 'doc-a' })],
      }),
      elapsedMs: 4,
    }),
    scoreQuestion(nearDomain, {
      answer: answered({
        text: 'About 14 million.',
        citations: [citation({ marker: 1, passage: 'Tokyo, Japan', documentId: 'doc-a' })],
      }),
      elapsedMs: 6,
    }),
  ];
  return buildReport({
    results,
    status: createFakeCore({ answer: () => refusal() }).status(),
    retrievalMeasured: false,
    questionsFile: 'questions.json',
    thresholds: { refusalRate: 0.9 },
    thresholdFailures: [{ metric: 'refusalRate', actual: 0, threshold: 0.9, direction: 'at least' }],
    durationMs: 10,
    machine,
    now: new Date('2025-01-01T00:00:00Z'),
  });
}

describe('buildReport', () => {
  it('holds overall and per-kind figures, per-question results, thresholds and the machine', () => {
    const report = sampleReport();
    expect(report.overall.n).toBe(2);
    expect(report.byKind['near-domain']?.refusalRate).toBe(0);
    expect(report.questions[1]).toMatchObject({ id: 'tokyo-near-1', answered: true, correct: false });
    expect(report.thresholds).toEqual({ refusalRate: 0.9 });
    expect(report.machine).toEqual(machine);
    expect(report.core.answerer).toBe('fake');
    // The report is written as JSON: it must survive a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('formatTable', () => {
  it('prints a row per kind present plus overall, and the machine', () => {
    const table = formatTable(sampleReport());
    const rows = table.split('\n');
    expect(rows.some((row) => row.startsWith('direct '))).toBe(true);
    expect(rows.some((row) => row.startsWith('near-domain '))).toBe(true);
    expect(rows.some((row) => row.startsWith('overall '))).toBe(true);
    expect(rows.some((row) => row.startsWith('typo '))).toBe(false);
    expect(table).toContain('Test CPU 3000, 2 cores, Node v20.0.0');
    expect(table).toContain('100.0%');
    expect(table).toContain('not measured');
  });
});

describe('formatFailedQuestions', () => {
  it('lists each failed question with its reasons', () => {
    const text = formatFailedQuestions(sampleReport());
    expect(text).toContain('tokyo-near-1 (near-domain): Population of Tokyo?');
    expect(text).toContain('answered a question the fact sheets do not cover');
    expect(text).not.toContain('jobs-direct-1');
  });
});

describe('formatThresholdFailures', () => {
  it('names each figure, its value and what it needed', () => {
    expect(
      formatThresholdFailures([
        { metric: 'refusalRate', actual: 0.5, threshold: 0.9, direction: 'at least' },
        { metric: 'latencyP95Ms', actual: 812.4, threshold: 500, direction: 'at most' },
        { metric: 'recallAt3', actual: null, threshold: 0.8, direction: 'at least' },
      ]),
    ).toBe(
      [
        '3 figure(s) missed their threshold:',
        '- refusalRate: 50.0%, needs at least 90.0%',
        '- latencyP95Ms: 812 ms, needs at most 500 ms',
        '- recallAt3: not measured, needs at least 80.0%',
      ].join('\n'),
    );
  });
});
