import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import type { EvalMetrics } from '../../src/eval/score.js';
import {
  DEFAULT_THRESHOLDS_FILE,
  checkThresholds,
  loadThresholds,
  parseThresholds,
} from '../../src/eval/thresholds.js';

const metrics: EvalMetrics = {
  n: 10,
  answerable: 8,
  unanswerable: 2,
  citationAccuracy: 0.75,
  rank1CitationAccuracy: 0.5,
  keyFactRate: 0.875,
  crossSheetCoverage: 1,
  refusalRate: 1,
  wrongRefusalRate: 0.125,
  friendlyRate: null,
  noSharedWordCitationAccuracy: null,
  recallAt1: null,
  recallAt3: null,
  latencyMedianMs: 12,
  latencyP95Ms: 40,
  errorCount: 0,
};

describe('checkThresholds', () => {
  it('lists each figure below its floor', () => {
    expect(checkThresholds(metrics, { citationAccuracy: 0.9, keyFactRate: 0.8, refusalRate: 0.9 })).toEqual([
      { metric: 'citationAccuracy', actual: 0.75, threshold: 0.9, direction: 'at least' },
    ]);
  });

  it('treats wrong refusals, latency and errors as ceilings', () => {
    expect(checkThresholds(metrics, { wrongRefusalRate: 0.05, latencyP95Ms: 30, errorCount: 0 })).toEqual([
      { metric: 'wrongRefusalRate', actual: 0.125, threshold: 0.05, direction: 'at most' },
      { metric: 'latencyP95Ms', actual: 40, threshold: 30, direction: 'at most' },
    ]);
  });

  it('passes a figure exactly at its threshold', () => {
    expect(checkThresholds(metrics, { citationAccuracy: 0.75, wrongRefusalRate: 0.125 })).toEqual([]);
  });

  it('fails a threshold on a figure that was not measured', () => {
    expect(checkThresholds(metrics, { recallAt3: 0.8 })).toEqual([
      { metric: 'recallAt3', actual: null, threshold: 0.8, direction: 'at least' },
    ]);
  });
});

describe('parseThresholds', () => {
  it('rejects an unknown key, so a misspelt threshold cannot silently check nothing', () => {
    expect(() => parseThresholds({ citationAcuracy: 0.9 })).toThrow(/citationAcuracy/);
  });

  it('rejects a rate outside 0–1 and drops the comment', () => {
    expect(() => parseThresholds({ refusalRate: 90 })).toThrow(/refusalRate/);
    expect(parseThresholds({ $comment: 'why', refusalRate: 0.9 })).toEqual({ refusalRate: 0.9 });
  });

  it('loads the shipped thresholds file', async () => {
    const thresholds = await loadThresholds();
    const raw = JSON.parse(await readFile(DEFAULT_THRESHOLDS_FILE, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(thresholds).length).toBe(Object.keys(raw).filter((key) => key !== '$comment').length);
    expect(thresholds.citationAccuracy).toBeGreaterThan(0);
  });
});
