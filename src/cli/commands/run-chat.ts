import readline from 'node:readline';

import type { CliDeps } from '../cli-deps.js';
import { chatMessages } from '../chat/chat-messages.js';
import { CHAT_HELP, createChatSession } from '../chat/chat-session.js';
import { terminalOptionsFor } from '../format/terminal-options.js';
import { LANG_HELP, LANG_OPTION, parseLanguageOption, type CliLanguage } from '../language-option.js';
import { CliUsageError } from '../parse-cli-args.js';
import { ExitCode, loadCliConfig, readCommandArgs, reportFailure, startCore } from '../startup.js';

export const CHAT_USAGE = `Usage: npm run chat [-- --lang ja]

An interactive conversation about the US–Japan alliance, answered from the White House fact sheets.
Reads lines until end of input, so questions can also be piped in, one per line.

${CHAT_HELP}

Options:
${LANG_HELP}
  --verbose   Show informational logs and stack traces on standard error.
  --help      Show this help.`;

const PROMPT = 'you › ';

const OPTIONS = {
  ...LANG_OPTION,
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `npm run chat`: a readline loop over a {@link createChatSession} session. */
export async function runChat(deps: CliDeps): Promise<number> {
  const args = readCommandArgs(deps, OPTIONS, CHAT_USAGE);
  if (typeof args === 'number') return args;
  const { verbose } = args;
  let language: CliLanguage | undefined;
  try {
    language = parseLanguageOption(args.values.lang);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return reportFailure(error, deps.stderr, verbose);
  }

  const config = loadCliConfig(deps, verbose);
  if (typeof config === 'number') return config;
  const started = await startCore(deps, { config, verbose });
  if (typeof started === 'number') return started;

  const interactive = deps.isTTY;
  const session = createChatSession({
    core: started.core,
    logger: started.logger,
    maxQuestionLength: config.maxQuestionLength,
    ...(language ? { language } : {}),
    // A blank line after each reply keeps a long conversation, or a piped transcript, readable.
    write: (text) => deps.stdout.write(`${text}\n\n`),
    writeError: (text) => deps.stderr.write(`${text}\n`),
    format: terminalOptionsFor(deps.stdout),
  });

  // Piped input gets no prompt or greeting: its output is a clean transcript of answers.
  const lines = readline.createInterface({
    input: deps.stdin,
    ...(interactive ? { output: deps.stdout, prompt: PROMPT, terminal: true } : { terminal: false }),
    crlfDelay: Infinity,
  });
  // Without a listener, Ctrl-C would only pause the input; treat it like /exit.
  lines.on('SIGINT', () => lines.close());

  if (interactive) {
    deps.stdout.write(`${chatMessages(language).greeting}\n\n`);
    lines.prompt();
  }
  for await (const line of lines) {
    if ((await session.handleLine(line)) === 'exit') break;
    if (interactive) lines.prompt();
  }
  lines.close();
  if (interactive) deps.stdout.write('\n');
  return ExitCode.ok;
}
