import { describe, expect, it } from 'vitest';

import { runQuote } from '../../../src/cli/commands/run-quote.js';
import { ANSI, harness } from '../support/cli-harness.js';
import { createFakeCore, quoteResult } from '../../support/fake-core.js';
import { recordingFactory } from '../support/recording-factory.js';

const quotes = [
  quoteResult('President One', 'We stand together.'),
  quoteResult('Prime Minister Two', 'Our bond is unbreakable.'),
];

function setup(argv: string[]) {
  const core = createFakeCore({ quotes });
  const factory = recordingFactory(() => core);
  return { core, factory, ...harness({ argv, createCore: factory }) };
}

describe('quote', () => {
  it('prints a matching quotation with its speaker and citation', async () => {
    const { deps, stdout, core } = setup(['--speaker', 'minister']);
    expect(await runQuote(deps)).toBe(0);
    expect(core.quoteQueries).toEqual([{ speaker: 'minister' }]);
    expect(stdout.text()).toContain('“Our bond is unbreakable.”');
    expect(stdout.text()).toContain('— Prime Minister Two');
    expect(stdout.text()).toContain('Source: Fact Sheet A (May 25, 2019) — SECTION 1');
    expect(stdout.text()).not.toMatch(ANSI);
  });

  it('passes a topic through and treats blank filters as none', async () => {
    const { deps, core } = setup(['--topic', 'together', '--speaker', '  ']);
    expect(await runQuote(deps)).toBe(0);
    expect(core.quoteQueries).toEqual([{ topic: 'together' }]);
  });

  it('when nothing matches, politely lists the known speakers and exits 1', async () => {
    const { deps, stdout, stderr } = setup(['--speaker', 'nobody']);
    expect(await runQuote(deps)).toBe(1);
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toMatch(/no quotation for speaker “nobody”/);
    expect(stderr.text()).toContain('President One; Prime Minister Two');
  });

  it('with --json prints {speaker, text, citation}', async () => {
    const { deps, stdout } = setup(['--json', '--speaker', 'president']);
    expect(await runQuote(deps)).toBe(0);
    const parsed = JSON.parse(stdout.text()) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['citation', 'speaker', 'text']);
    expect(parsed).toMatchObject({
      speaker: 'President One',
      text: 'We stand together.',
      citation: { documentId: 'sheet-a', title: 'Fact Sheet A', date: '2019-05-25', section: 'SECTION 1' },
    });
  });

  it('with --json and no match prints {error, speakers} and exits 1', async () => {
    const { deps, stdout } = setup(['--json', '--topic', 'weather']);
    expect(await runQuote(deps)).toBe(1);
    expect(JSON.parse(stdout.text())).toEqual({
      error: expect.stringContaining('weather'),
      speakers: ['President One', 'Prime Minister Two'],
    });
  });

  it('rejects a missing option value with exit 2, without building the core', async () => {
    const missing = setup(['--speaker']);
    expect(await runQuote(missing.deps)).toBe(2);
    expect(missing.stderr.text()).toContain('--speaker');
    expect(missing.factory.calls.length).toBe(0);
  });

  it('reads bare words as a speaker when one matches ("quote -- minister")', async () => {
    const { deps, stdout, core } = setup(['minister']);
    expect(await runQuote(deps)).toBe(0);
    expect(core.quoteQueries).toEqual([{ speaker: 'minister' }]);
    expect(stdout.text()).toContain('“Our bond is unbreakable.”');
  });

  it('reads bare words as a topic when no speaker matches ("quote -- stand together")', async () => {
    const { deps, stdout, core } = setup(['stand', 'together']);
    expect(await runQuote(deps)).toBe(0);
    expect(core.quoteQueries).toEqual([{ speaker: 'stand together' }, { topic: 'stand together' }]);
    expect(stdout.text()).toContain('“We stand together.”');
  });

  it('when bare words match nothing, names them and exits 1', async () => {
    const { deps, stderr } = setup(['weather']);
    expect(await runQuote(deps)).toBe(1);
    expect(stderr.text()).toMatch(/no quotation for topic “weather”/);
  });
});
