import { describe, expect, it } from 'vitest';

import type { MachineDescription } from '../../bench/machine.js';
import type { ScaleResult } from '../../bench/measure-scale.js';
import { summarize } from '../../src/eval/percentiles.js';
import {
  buildReport,
  formatReport,
  REQUIRED_REPORT_FIELDS,
  REQUIRED_SCALE_FIELDS,
  reportToJson,
} from '../../bench/report.js';
import { evaluateTargets } from '../../bench/targets.js';

const machine: MachineDescription = {
  cpuModel: 'Test CPU',
  cores: 2,
  totalMemoryMb: 4096,
  nodeVersion: 'v20.0.0',
  os: 'linux test x64',
  loadAverage: [0.5, 0.4, 0.3],
};

function scale(label: string, passages: number, overrides: Partial<ScaleResult> = {}): ScaleResult {
  const latency = summarize([1, 2, 3]);
  return {
    label,
    passages,
    documents: 2,
    buildMs: 100,
    passagesPerSec: 6_000,
    embedPassagesPerSec: 9_000,
    coldStartMs: 800,
    coldStartImportMs: 700,
    coldStartCreateMs: 90,
    coldStartRebuildMs: 900,
    idleRssMb: 120,
    modulesRssMb: 90,
    peakRssMb: 140,
    peakRssBuildMb: 140,
    peakRssLoadedMb: 135,
    noChangeReloadMs: 20,
    noChangeReloadEmbedded: 0,
    oneChangeReloadMs: 40,
    oneChangeReloadEmbedded: 1,
    queryP50Ms: 0.1,
    queryP95Ms: 0.2,
    embedQueryP95Ms: 0.02,
    indexSearchP95Ms: 0.12,
    rawHnswP95Ms: 0.15,
    bruteForceP95Ms: 6,
    retrievalVsRaw: 1.33,
    indexSearchVsRaw: 0.8,
    bruteForceVsRaw: 40,
    retrievalVsRawP50: 1.2,
    bruteForceVsRawP50: 45,
    annRecallAt24: 0.99,
    annRecallAt24Strict: 0.98,
    answerP50Ms: 0.5,
    answerP95Ms: 1.5,
    answerP99Ms: 3,
    answerErrors: 0,
    realQuestionRecallAt3: 0.9,
    recallQuestions: 50,
    recallMisses: [],
    annCurve: [{ efSearch: 64, recallAt24: 0.99, strictRecallAt24: 0.98, rawP50Ms: 0.1 }],
    hnsw: { m: 12, efConstruction: 48, efSearch: 64, filteredEfSearch: 64, randomSeed: 1 },
    embedder: 'kizuna-offline@1',
    answerer: 'extractive',
    latencies: {
      answer: latency,
      query: latency,
      embedQuery: latency,
      indexSearch: latency,
      rawHnsw: latency,
      bruteForce: latency,
    },
    ...overrides,
  };
}

function report(scales: ScaleResult[]) {
  return buildReport({
    command: 'npm run bench -- --quick',
    machine,
    startedAt: new Date('2025-01-01T00:00:00Z'),
    durationMs: 1234,
    setup: {
      embedder: 'kizuna-offline@1',
      answerer: 'extractive',
      questions: 87,
      bruteForceStore: 'MemoryVectorStore',
      retrieveK: 6,
      indexFetchK: 24,
      syntheticSeed: 1,
      hnsw: { m: 12, efConstruction: 48, efSearch: 64, filteredEfSearch: 64, randomSeed: 1 },
    },
    scales,
  });
}

describe('bench report', () => {
  it('holds every field the issue asks for, at top level and in every scale entry, through JSON', () => {
    const parsed = JSON.parse(reportToJson(report([scale('real', 45), scale('10,000', 10_000)]))) as Record<
      string,
      unknown
    >;
    const issueFields = [
      'answerP50Ms',
      'answerP95Ms',
      'coldStartMs',
      'coldStartRebuildMs',
      'noChangeReloadMs',
      'oneChangeReloadMs',
      'idleRssMb',
      'peakRssMb',
      'scale',
    ];
    const issueScaleFields = [
      'passages',
      'buildMs',
      'passagesPerSec',
      'queryP95Ms',
      'rawHnswP95Ms',
      'bruteForceP95Ms',
      'realQuestionRecallAt3',
    ];
    expect(REQUIRED_REPORT_FIELDS).toEqual(expect.arrayContaining([...issueFields, 'machine', 'targets']));
    expect(REQUIRED_SCALE_FIELDS).toEqual(expect.arrayContaining(issueScaleFields));
    for (const field of REQUIRED_REPORT_FIELDS) expect(parsed).toHaveProperty(field);
    const entries = parsed.scale as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    for (const entry of entries)
      for (const field of REQUIRED_SCALE_FIELDS) expect(typeof entry[field]).toBe('number');
    expect(parsed.machine).toMatchObject({ cpuModel: 'Test CPU', cores: 2 });
  });

  it('takes the top-level figures from the real knowledge base', () => {
    const built = report([
      scale('10,000', 10_000, { answerP95Ms: 9 }),
      scale('real', 45, { answerP95Ms: 1.2, idleRssMb: 111 }),
    ]);
    expect(built.answerP95Ms).toBe(1.2);
    expect(built.idleRssMb).toBe(111);
  });

  it('refuses to report without the real knowledge base', () => {
    expect(() => report([scale('10,000', 10_000)])).toThrow(/real knowledge base/);
  });

  it('prints the command and the machine above the tables, and every target with its verdict', () => {
    const text = formatReport(report([scale('real', 45), scale('100,000', 100_000, { retrievalVsRaw: 4 })]));
    const lines = text.split('\n');
    expect(lines[0]).toContain('npm run bench -- --quick');
    expect(lines[1]).toContain('Test CPU, 2 cores');
    expect(text).toContain('retrieve/raw');
    expect(text).toMatch(/MISSED\s+≤ 3 ×\s+4 ×\s+Retrieval p95 vs raw hnswlib/);
    expect(text).toContain('efSearch');
    expect(text).toMatch(/met\s+≤ 2 ms\s+1.5 ms\s+Answer p95 on the real knowledge base/);
  });
});

describe('evaluateTargets', () => {
  it('leaves the 100,000-passage targets unjudged when that size was not measured', () => {
    const targets = evaluateTargets([scale('real', 45), scale('10,000', 10_000)]);
    const large = targets.filter((target) => target.name.includes('100,000'));
    expect(large.length).toBeGreaterThanOrEqual(4);
    for (const target of large) expect(target.met).toBeNull();
    expect(targets.find((target) => target.name.startsWith('Answer p95 on the real'))?.met).toBe(true);
  });

  it('misses when recall at 100,000 passages falls more than 5 points below the real knowledge base', () => {
    const recallTarget = (large: number) =>
      evaluateTargets([
        scale('real', 45, { realQuestionRecallAt3: 0.9 }),
        scale('100,000', 100_000, { realQuestionRecallAt3: large }),
      ]).find((target) => target.name.startsWith('Recall@3'))?.met;
    expect(recallTarget(0.84)).toBe(false);
    expect(recallTarget(0.86)).toBe(true);
    expect(recallTarget(0.9)).toBe(true);
  });

  it('judges build throughput at the largest size measured, and brute force as "at least 20× slower"', () => {
    const targets = evaluateTargets([
      scale('real', 45, { passagesPerSec: 100 }),
      scale('100,000', 100_000, { passagesPerSec: 5_500, bruteForceVsRaw: 19 }),
    ]);
    expect(targets.find((target) => target.name.startsWith('Index build throughput'))).toMatchObject({
      met: true,
      value: 5_500,
    });
    expect(targets.find((target) => target.name.startsWith('Brute force'))?.met).toBe(false);
  });

  it('judges the scale targets of issue 10 at 100,000 passages', () => {
    const targets = evaluateTargets([
      scale('real', 45),
      scale('100,000', 100_000, {
        annRecallAt24: 0.9,
        coldStartMs: 1_900,
        noChangeReloadMs: 250,
        oneChangeReloadMs: 800,
        peakRssMb: 480,
        idleRssMb: 360,
      }),
    ]);
    const verdict = (start: string) => targets.find((target) => target.name.startsWith(start))?.met;
    expect(verdict('ANN recall@24')).toBe(false);
    expect(verdict('Cold start to ready with a saved index at 100,000')).toBe(true);
    expect(verdict('Reload with nothing changed at 100,000')).toBe(false);
    expect(verdict('Reload with one passage changed at 100,000')).toBe(true);
    expect(verdict('Peak RSS at 100,000')).toBe(true);
    expect(verdict('Idle RSS at 100,000')).toBe(false);
  });
});
