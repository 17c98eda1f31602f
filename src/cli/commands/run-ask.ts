import readline from 'node:readline';

import type { Config } from '../../config/load-config.js';
import { isKizunaError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { KizunaCore } from '../../core/types.js';
import { answerToJson, approximateDatesOf, type AnswerErrorJson } from '../answer-json.js';
import type { CliDeps } from '../cli-deps.js';
import {
  LANG_HELP,
  LANG_OPTION,
  parseLanguageOption,
  withLanguage,
  type CliLanguage,
} from '../language-option.js';
import { formatAnswerForTerminal } from '../format/format-answer.js';
import { terminalOptionsFor } from '../format/terminal-options.js';
import { parseJsonlRequest } from '../jsonl-request.js';
import { readStreamText } from '../read-stream.js';
import { ExitCode, loadCliConfig, readCommandArgs, reportFailure, startCore } from '../startup.js';
import { CliUsageError } from '../parse-cli-args.js';
import { checkQuestion } from '../check-question.js';

export const ASK_USAGE = `Usage: npm run ask -- [options] "question"

Answers a question about the US–Japan alliance from the White House fact sheets, with sources.
Without a question argument, the question is read from standard input (when it is not a terminal).

Options:
  --json      Print exactly one JSON object: question, answered, outcome, language, answer,
              citations (with displayDate and approximateDate), latencyMs.
  --jsonl     Read one question per line from standard input (plain text, or
              {"question": "...", "history": [{"role": "user", "text": "..."}], "language": "ja"})
              and print one JSON object per line, in order.
${LANG_HELP}
  --verbose   Show informational logs and stack traces on standard error.
  --help      Show this help.

Exit codes: 0 answered (or honestly refused), 1 Kizuna failed, 2 bad invocation or question.`;

const OPTIONS = {
  ...LANG_OPTION,
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `npm run ask`: one question (argument or standard input), or many with `--jsonl`. */
export async function runAsk(deps: CliDeps): Promise<number> {
  const args = readCommandArgs(deps, OPTIONS, ASK_USAGE, true);
  if (typeof args === 'number') return args;
  const { values, positionals, verbose } = args;
  if (values.json && values.jsonl) {
    deps.stderr.write('Choose one of --json and --jsonl. Run with --help to see the options.\n');
    return ExitCode.usage;
  }
  if (values.jsonl && positionals.length > 0) {
    deps.stderr.write('--jsonl reads questions from standard input; do not also pass a question argument.\n');
    return ExitCode.usage;
  }

  let language: CliLanguage | undefined;
  try {
    language = parseLanguageOption(values.lang);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    return reportFailure(error, deps.stderr, verbose);
  }

  const config = loadCliConfig(deps, verbose);
  if (typeof config === 'number') return config;

  if (values.jsonl) return askMany(deps, config, language, verbose);
  return askOne(deps, config, positionals, { json: values.json === true, language, verbose });
}

async function askOne(
  deps: CliDeps,
  config: Config,
  positionals: readonly string[],
  options: { json: boolean; language: CliLanguage | undefined; verbose: boolean },
): Promise<number> {
  const { json, language, verbose } = options;
  let raw: string;
  if (positionals.length > 0) {
    // `npm run ask -- what is reiwa` works without quotes.
    raw = positionals.join(' ');
  } else if (!deps.isTTY) {
    raw = await readStreamText(deps.stdin);
  } else {
    deps.stderr.write(`No question given.\n\n${ASK_USAGE}\n`);
    return ExitCode.usage;
  }

  // Checked before the core is built: a bad question costs nothing and touches nothing.
  const check = checkQuestion(raw, config.maxQuestionLength, language);
  if (!check.ok) {
    if (json) writeJson(deps, { question: raw.trim(), error: check.error });
    else deps.stderr.write(`${check.error}\n`);
    return ExitCode.usage;
  }

  const started = await startCore(deps, { config, verbose });
  if (typeof started === 'number') return started;

  try {
    const answer = await started.core.ask(withLanguage({ question: check.question }, language));
    if (json) writeJson(deps, answerToJson(answer, approximateDatesOf(started.core.sources())));
    else deps.stdout.write(`${formatAnswerForTerminal(answer, terminalOptionsFor(deps.stdout))}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (isKizunaError(error)) {
      const inputProblem =
        error.code === 'EMPTY_QUESTION' ||
        error.code === 'QUESTION_TOO_LONG' ||
        error.code === 'INVALID_INPUT';
      if (json) writeJson(deps, { question: check.question, error: error.message });
      else deps.stderr.write(`${error.message}\n`);
      return inputProblem ? ExitCode.usage : ExitCode.failure;
    }
    started.logger.error({ err: error }, 'answering failed');
    if (json) writeJson(deps, { question: check.question, error: 'Something went wrong while answering.' });
    return reportFailure(error, deps.stderr, verbose, 'Something went wrong while answering');
  }
}

/** `--jsonl`: every input line yields exactly one output line, in order, whatever goes wrong with it. */
async function askMany(
  deps: CliDeps,
  config: Config,
  language: CliLanguage | undefined,
  verbose: boolean,
): Promise<number> {
  const started = await startCore(deps, { config, verbose });
  if (typeof started === 'number') return started;
  const context: LineContext = {
    core: started.core,
    logger: started.logger,
    maxQuestionLength: config.maxQuestionLength,
    language,
    approximateDates: approximateDatesOf(started.core.sources()),
  };

  const lines = readline.createInterface({ input: deps.stdin, crlfDelay: Infinity, terminal: false });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    writeJson(deps, await answerLine(context, line, lineNumber));
  }
  return ExitCode.ok;
}

/** What answering one `--jsonl` line needs. */
interface LineContext {
  readonly core: KizunaCore;
  readonly logger: Logger;
  readonly maxQuestionLength: number;
  /** `--lang`, used when the line itself names no language. */
  readonly language: CliLanguage | undefined;
  readonly approximateDates: ReturnType<typeof approximateDatesOf>;
}

async function answerLine(context: LineContext, line: string, lineNumber: number): Promise<object> {
  const { core, logger } = context;
  const parsed = parseJsonlRequest(line, context.maxQuestionLength);
  if (!parsed.ok) return errorJson(lineNumber, parsed.question, parsed.error);
  const request = parsed.request.language ? parsed.request : withLanguage(parsed.request, context.language);
  try {
    return answerToJson(await core.ask(request), context.approximateDates);
  } catch (error) {
    if (isKizunaError(error)) return errorJson(lineNumber, parsed.request.question, error.message);
    logger.error({ err: error, line: lineNumber }, 'answering failed');
    return errorJson(lineNumber, parsed.request.question, 'Something went wrong while answering.');
  }
}

function errorJson(line: number, question: string | undefined, error: string): AnswerErrorJson {
  return question === undefined ? { line, error } : { line, question, error };
}

function writeJson(deps: CliDeps, value: object): void {
  deps.stdout.write(`${JSON.stringify(value)}\n`);
}
