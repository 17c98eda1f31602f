import { describe, expect, it } from 'vitest';

import { createIndexProgress } from '../../src/cli/index-progress.js';
import { captureOutput } from './support/cli-harness.js';

describe('createIndexProgress', () => {
  it('stays silent for a quick build even on a terminal', () => {
    const stream = captureOutput({ isTTY: true });
    const progress = createIndexProgress({ stream, now: () => 0 });
    for (let done = 0; done <= 100; done += 10) progress.onProgress(done, 100);
    progress.stop();
    expect(progress.reported).toBe(true);
    expect(progress.drawn).toBe(false);
    expect(stream.text()).toBe('');
  });

  it('draws a bar once a build has run longer than the delay, and only when enabled', () => {
    for (const enabled of [true, false]) {
      const stream = captureOutput({ isTTY: true });
      let clock = 0;
      const progress = createIndexProgress({ stream, enabled, delayMs: 500, now: () => clock });
      for (let done = 0; done <= 10; done += 1) {
        clock += 100;
        progress.onProgress(done, 10);
      }
      progress.stop();
      expect(progress.drawn).toBe(enabled);
      expect(stream.text() !== '').toBe(enabled);
    }
  });
});
