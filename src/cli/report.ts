import { loadStorageConfig } from '../config/load-storage-config.js';
import { runReport } from './commands/run-report.js';

process.exitCode = await runReport({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  loadStorageConfig: () => loadStorageConfig(),
});
