import type { QuoteQuery, QuoteResult } from '../../core/types.js';
import type { CliDeps } from '../cli-deps.js';
import { formatNoQuoteMessage, formatQuoteForTerminal } from '../format/format-quote.js';
import { terminalOptionsFor } from '../format/terminal-options.js';
import { ExitCode, loadCliConfig, readCommandArgs, reportFailure, startCore } from '../startup.js';

export const QUOTE_USAGE = `Usage: npm run quote -- [WORDS] [--speaker NAME] [--topic TEXT] [--json]

Prints a quotation from the White House fact sheets, with its speaker and citation.

WORDS, without --speaker or --topic, are read as a speaker if one matches ("abe"), else as a topic
("cherish").

Options:
  --speaker NAME  Only quotations by this speaker (loose match: "trump", "Abe", "Prime Minister").
  --topic TEXT    Only quotations about these words.
  --json          Print {"speaker", "text", "citation": {...}} as one JSON object.
  --verbose       Show informational logs and stack traces on standard error.
  --help          Show this help.

Exit codes: 0 a quotation was found, 1 none matched (or Kizuna failed), 2 bad invocation.`;

const OPTIONS = {
  speaker: { type: 'string', short: 's' },
  topic: { type: 'string', short: 't' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The `--json` output of `quote`. */
export interface QuoteJson {
  readonly speaker: string;
  readonly text: string;
  readonly citation: {
    readonly documentId: string;
    readonly title: string;
    readonly date: string;
    readonly displayDate: string;
    readonly section: string;
    readonly passage: string;
  };
}

export function quoteToJson(result: QuoteResult): QuoteJson {
  const { citation } = result;
  return {
    speaker: result.quotation.speaker,
    text: result.quotation.text,
    citation: {
      documentId: citation.documentId,
      title: citation.title,
      date: citation.date,
      displayDate: citation.displayDate,
      section: citation.section,
      passage: citation.passage,
    },
  };
}

/** `npm run quote`: a quotation, filtered by speaker and/or topic. */
export async function runQuote(deps: CliDeps): Promise<number> {
  const args = readCommandArgs(deps, OPTIONS, QUOTE_USAGE, true);
  if (typeof args === 'number') return args;
  const { values, positionals, verbose } = args;

  const config = loadCliConfig(deps, verbose);
  if (typeof config === 'number') return config;
  const started = await startCore(deps, { config, verbose });
  if (typeof started === 'number') return started;

  // A blank filter means "any", not "a speaker named ''".
  const speaker = values.speaker?.trim() || undefined;
  const topic = values.topic?.trim() || undefined;
  const query: QuoteQuery = { ...(speaker ? { speaker } : {}), ...(topic ? { topic } : {}) };

  // "npm run quote -- abe" or "-- cherish": the words as a speaker if one matches, else as a topic.
  const words = positionals.join(' ').trim();
  let result: QuoteResult | undefined;
  try {
    if (words.length > 0 && speaker === undefined && topic === undefined) {
      result = started.core.quote({ speaker: words }) ?? started.core.quote({ topic: words });
    } else result = started.core.quote(query);
  } catch (error) {
    return reportFailure(error, deps.stderr, verbose, 'Something went wrong while finding a quotation');
  }

  if (!result) {
    const speakers = started.core.speakers();
    const byWords = words.length > 0 && speaker === undefined && topic === undefined;
    const message = formatNoQuoteMessage(byWords ? { topic: words } : query, speakers);
    if (values.json) deps.stdout.write(`${JSON.stringify({ error: message, speakers })}\n`);
    else deps.stderr.write(`${message}\n`);
    return ExitCode.failure;
  }
  if (values.json) deps.stdout.write(`${JSON.stringify(quoteToJson(result))}\n`);
  else deps.stdout.write(`${formatQuoteForTerminal(result, terminalOptionsFor(deps.stdout))}\n`);
  return ExitCode.ok;
}
