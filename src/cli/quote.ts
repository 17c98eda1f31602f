import { runQuote } from './commands/run-quote.js';
import { processCliDeps } from './process-cli-deps.js';
process.exitCode = await runQuote(processCliDeps());
