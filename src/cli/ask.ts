import { runAsk } from './commands/run-ask.js';
import { processCliDeps } from './process-cli-deps.js';
process.exitCode = await runAsk(processCliDeps());
