/**
 * `npm run eval`: measures Kizuna against src/eval/questions.json (see EVAL_USAGE in eval-command.ts).
 * `npm run eval -- --ci` exits 1 when a figure misses src/eval/thresholds.json.
 */
import { loadConfig } from '../config/load-config.js';
import { createKizuna } from '../core/create-kizuna.js';
import { createCliLogger } from '../cli/cli-logger.js';
import { runEvalCommand } from './eval-command.js';

const exitCode = await runEvalCommand(process.argv.slice(2), {
  createCore: async () => {
    const config = loadConfig();
    // Readable warnings only, like the other terminal commands: JSON lines before the table are noise to a
    // person; LOG_LEVEL=debug brings the structured logs back for whoever is debugging.
    const logger = createCliLogger({
      stream: process.stderr,
      verbose: false,
      configuredLevel: config.logLevel,
    });
    return createKizuna({ config, logger });
  },
  stdout: process.stdout,
  stderr: process.stderr,
  showProgress: process.stderr.isTTY,
});
// Let a large --json report reach a slow pipe before exiting.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
// Exit explicitly: the core may keep watchers or connections open that would otherwise hold the process.
process.exit(exitCode);
