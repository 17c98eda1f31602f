import { runBuildIndex } from './commands/run-build-index.js';
import { processCliDeps } from './process-cli-deps.js';
process.exitCode = await runBuildIndex(processCliDeps());
