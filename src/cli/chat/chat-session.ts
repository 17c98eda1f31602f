import { isKizunaError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Answer, ConversationTurn, KizunaCore } from '../../core/types.js';
import { formatAnswerForTerminal } from '../format/format-answer.js';
import { formatNoQuoteMessage, formatQuoteForTerminal } from '../format/format-quote.js';
import { formatSourcesList } from '../format/format-sources.js';
import { formatFactSheets, formatStatus } from '../format/format-status.js';
import { createStyler } from '../format/styler.js';
import type { TerminalFormatOptions } from '../format/terminal-options.js';
import { withLanguage, type CliLanguage } from '../language-option.js';
import { checkQuestion } from '../check-question.js';
import { chatMessages } from './chat-messages.js';

/** The `/help` list in English (also shown by `npm run chat -- --help`). */
export const CHAT_HELP = chatMessages('en').help;

/** The same list for `--lang ja`: the commands stay as typed, their descriptions in Japanese. */
export const CHAT_HELP_JA = chatMessages('ja').help;

/** The help list in the preferred language. */
export function chatHelp(language: CliLanguage | undefined): string {
  return chatMessages(language).help;
}

export interface ChatSessionOptions {
  readonly core: KizunaCore;
  readonly logger: Logger;
  readonly maxQuestionLength: number;
  /** Conversation output (answers, command results, messages about input). */
  readonly write: (text: string) => void;
  /** Brief notes about unexpected errors. */
  readonly writeError: (text: string) => void;
  readonly format: TerminalFormatOptions;
  /**
   * Turns (user and assistant each count as one) sent as context; older ones are dropped to keep requests small.
   * @default 12
   */
  readonly maxHistoryTurns?: number;
  /** The preferred reply language (`--lang`); a question written in Japanese is answered in Japanese anyway. */
  readonly language?: CliLanguage;
}

export type LineOutcome = 'continue' | 'exit';

/** One terminal conversation: the history, the last answer, and what each typed line does. */
export interface ChatSession {
  handleLine(line: string): Promise<LineOutcome>;
  /** The context the next question will be sent with. */
  readonly history: readonly ConversationTurn[];
}

export function createChatSession(options: ChatSessionOptions): ChatSession {
  const { core, logger, write, writeError, format } = options;
  const maxHistoryTurns = options.maxHistoryTurns ?? 12;
  const style = createStyler(format.color);
  // Every heading, notice and help text in the --lang language; answers choose their own.
  const say = chatMessages(options.language);
  let history: ConversationTurn[] = [];
  let lastAnswer: Answer | undefined;

  async function ask(raw: string): Promise<void> {
    const check = checkQuestion(raw, options.maxQuestionLength, options.language);
    if (!check.ok) {
      write(check.error);
      return;
    }
    try {
      const answer = await core.ask(
        withLanguage(
          history.length > 0 ? { question: check.question, history } : { question: check.question },
          options.language,
        ),
      );
      lastAnswer = answer;
      history = [
        ...history,
        { role: 'user' as const, text: check.question },
        { role: 'assistant' as const, text: answer.text },
      ].slice(-maxHistoryTurns);
      // Passages are long: the chat lists where each marker points and shows the words on /sources.
      // The label has its own line so the answer below it can use the full width.
      write(
        `${style('bold', 'kizuna ›')}\n${formatAnswerForTerminal(answer, { ...format, withPassages: false })}`,
      );
    } catch (error) {
      reportError(error);
    }
  }

  function reportError(error: unknown): void {
    if (isKizunaError(error)) {
      write(error.message);
      return;
    }
    logger.error({ err: error }, 'chat turn failed');
    writeError(say.turnFailed(error instanceof Error ? error.message : String(error)));
  }

  function showSources(): void {
    const parts = [formatFactSheets(core.sources(), format, say)];
    if (lastAnswer && lastAnswer.citations.length > 0) {
      parts.push(formatSourcesList(lastAnswer.citations, { ...format, heading: say.citedInLastAnswer }));
    }
    write(parts.join('\n\n'));
  }

  function showQuote(speakerArgument: string): void {
    const speaker = speakerArgument.trim() || undefined;
    const result = core.quote(speaker ? { speaker } : {});
    write(
      result ? formatQuoteForTerminal(result, format) : formatNoQuoteMessage({ speaker }, core.speakers()),
    );
  }

  async function runCommand(name: string, argument: string): Promise<LineOutcome> {
    switch (name) {
      case 'exit':
      case 'quit':
        return 'exit';
      case 'help':
        write(say.help);
        break;
      case 'reset':
        history = [];
        lastAnswer = undefined;
        write(say.contextCleared);
        break;
      case 'sources':
        showSources();
        break;
      case 'quote':
        showQuote(argument);
        break;
      case 'status':
        write(formatStatus(core.status(), format, undefined, say.status));
        break;
      default:
        write(say.unknownCommand(name));
    }
    return 'continue';
  }

  return {
    async handleLine(line) {
      const trimmed = line.trim();
      // An empty line is a stray Enter, not a question: say nothing.
      if (trimmed === '') return 'continue';
      const command = /^\/(\S*)\s*(.*)$/s.exec(trimmed);
      if (!command) {
        await ask(trimmed);
        return 'continue';
      }
      try {
        return await runCommand((command[1] ?? '').toLowerCase(), command[2] ?? '');
      } catch (error) {
        reportError(error);
        return 'continue';
      }
    },
    get history() {
      return history;
    },
  };
}
