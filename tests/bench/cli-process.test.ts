import { describe, expect, it } from 'vitest';

import { cliProcessTargets, withCliProcess, type CliProcessResult } from '../../bench/cli-process.js';
import { summarize } from '../../src/eval/percentiles.js';
import type { BenchReport } from '../../bench/report.js';

const result = (compiled: number[], npm: number[]): CliProcessResult => ({
  question: 'What does Reiwa mean?',
  compiledMs: summarize(compiled),
  npmMs: summarize(npm),
});

describe('whole CLI process times in the bench report', () => {
  it('GIVEN medians under 500 ms (compiled) and 800 ms (npm run ask) THEN both targets are met', () => {
    const targets = cliProcessTargets(result([300, 420, 900], [600, 700, 2_000]));
    expect(targets.map((target) => [target.target, target.value, target.met])).toEqual([
      ['≤ 500 ms', 420, true],
      ['≤ 800 ms', 700, true],
    ]);
  });

  it('GIVEN a median over a limit THEN that target is missed', () => {
    const targets = cliProcessTargets(result([510, 520, 530], [800, 801, 802]));
    expect(targets.map((target) => target.met)).toEqual([false, false]);
  });

  it('GIVEN a report THEN the times are added beside its figures and their targets after its own', () => {
    const report = { command: 'npm run bench', targets: [{ name: 'other' }] } as unknown as BenchReport;
    const measured = result([400], [700]);
    const combined = withCliProcess(report, measured);
    expect(combined.cliProcess).toBe(measured);
    expect(combined.targets.map((target) => target.name)).toEqual([
      'other',
      ...cliProcessTargets(measured).map((target) => target.name),
    ]);
  });
});
