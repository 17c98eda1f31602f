import { runChat } from './commands/run-chat.js';
import { processCliDeps } from './process-cli-deps.js';
process.exitCode = await runChat(processCliDeps());
