import { describe, expect, it } from 'vitest';

import { runBuildIndex } from '../../../src/cli/commands/run-build-index.js';
import type { CoreFactoryOptions } from '../../../src/cli/cli-deps.js';
import { captureOutput, harness } from '../support/cli-harness.js';
import { coreStatus, createFakeCore } from '../../support/fake-core.js';
import { recordingFactory } from '../support/recording-factory.js';

/** A factory that "embeds" `total` passages, reporting progress as it goes. */
function buildingFactory(total: number) {
  return recordingFactory((options: CoreFactoryOptions) => {
    for (let done = 0; done <= total; done += 1) options.onIndexProgress?.(done, total);
    return createFakeCore({ status: coreStatus() });
  });
}

describe('index', () => {
  it('prints a one-line summary of what happened: origin, passage count and time', async () => {
    const factory = recordingFactory(() => createFakeCore({ status: coreStatus() }));
    const { deps, stdout, stderr } = harness({ argv: [], createCore: factory });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(stdout.text()).toMatch(
      /^Index ready \(loaded from disk\): 3 passages and 1 quotations from 1 fact sheets in \d+ms\. Embedder: fake-embedder\.\n$/,
    );
    expect(stderr.text()).toBe('');
    expect(factory.calls[0]?.forceRebuild).toBeUndefined();
  });

  it('says "built" when the core reported embedding progress, and asks for a rebuild with --rebuild', async () => {
    const factory = buildingFactory(5);
    const { deps, stdout } = harness({ argv: ['--rebuild'], createCore: factory });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(factory.calls[0]?.forceRebuild).toBe(true);
    expect(stdout.text()).toMatch(/^Index built/);
  });

  it('GIVEN --rebuild over a saved index THEN it says the index was rebuilt because --rebuild was given', async () => {
    // The core removes the saved index before opening, so its own reason is "no saved index".
    const factory = recordingFactory(() =>
      createFakeCore({ status: { ...coreStatus(), indexOrigin: 'rebuilt (no saved index)' } }),
    );
    const { deps, stdout } = harness({ argv: ['--rebuild'], createCore: factory });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(stdout.text()).toMatch(/^Index ready \(rebuilt because --rebuild was given\): 3 passages/u);
    expect(stdout.text()).not.toContain('no saved index');
  });

  it('GIVEN --rebuild --json THEN indexOrigin says so too', async () => {
    const factory = recordingFactory(() =>
      createFakeCore({ status: { ...coreStatus(), indexOrigin: 'rebuilt (no saved index)' } }),
    );
    const { deps, stdout } = harness({ argv: ['--rebuild', '--json'], createCore: factory });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(JSON.parse(stdout.text())).toMatchObject({ indexOrigin: 'rebuilt because --rebuild was given' });
  });

  it("GIVEN no --rebuild THEN the core's reason stands, without nested parentheses", async () => {
    const factory = recordingFactory(() =>
      createFakeCore({ status: { ...coreStatus(), indexOrigin: 'rebuilt (knowledge changed)' } }),
    );
    const { deps, stdout } = harness({ argv: [], createCore: factory });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(stdout.text()).toMatch(/^Index ready \(knowledge changed\): /u);
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const { deps, stderr } = harness({ argv: [], createCore: buildingFactory(50) });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(stderr.text()).toBe('');
  });

  it('draws a progress bar on a terminal when the build is long', async () => {
    const stderr = captureOutput({ isTTY: true, columns: 100 });
    let clock = 0;
    const base = harness({
      argv: [],
      stderr,
      createCore: recordingFactory((options) => {
        for (let done = 0; done <= 10; done += 1) {
          clock += 200;
          options.onIndexProgress?.(done, 10);
        }
        return createFakeCore({ status: coreStatus() });
      }),
    });
    expect(await runBuildIndex({ ...base.deps, now: () => clock })).toBe(0);
    expect(stderr.text()).toContain('passages');
  });

  it('with --json prints the summary as one object', async () => {
    const { deps, stdout } = harness({ argv: ['--json'], createCore: buildingFactory(3) });
    expect(await runBuildIndex(deps)).toBe(0);
    expect(JSON.parse(stdout.text())).toEqual({
      indexOrigin: coreStatus().indexOrigin,
      built: true,
      documentCount: 1,
      passageCount: 3,
      quotationCount: 1,
      embedder: 'fake-embedder',
      fingerprint: coreStatus().fingerprint,
      durationMs: expect.any(Number),
    });
  });

  it('reports a failed build briefly with exit 1', async () => {
    const { deps, stderr, stdout } = harness({
      argv: [],
      createCore: async () => {
        throw new Error('disk full');
      },
    });
    expect(await runBuildIndex(deps)).toBe(1);
    expect(stderr.text()).toContain('Kizuna could not start: disk full');
    expect(stdout.text()).toBe('');
  });
});
