import { loadConfig } from '../config/load-config.js';
import type { CliDeps } from './cli-deps.js';

/** The real process's streams, arguments and core factory, for the entry files. */
export function processCliDeps(): CliDeps {
  return {
    argv: process.argv.slice(2),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdin.isTTY === true,
    // Imported lazily so that rejecting a bad question or flag does not pay for loading models and the index.
    createCore: async (options) => {
      const { createKizuna } = await import('../core/create-kizuna.js');
      return createKizuna(options);
    },
    loadConfig: () => loadConfig(),
    now: () => performance.now(),
  };
}
