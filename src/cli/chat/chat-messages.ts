import { messages } from '../../core/language/messages.js';
import type { CliLanguage } from '../language-option.js';
import {
  ENGLISH_FACT_SHEET_LABELS,
  ENGLISH_STATUS_LABELS,
  type FactSheetLabels,
  type StatusTerminalLabels,
} from '../format/format-status.js';

/**
 * Everything `npm run chat` says of its own (help, headings, notices), in one language: the terminal's
 * counterpart of the core's message catalogue (src/core/language/messages*.ts), which it borrows from
 * where the words are the same (the fact-sheet heading, passage and quotation counts, status labels).
 */
export interface ChatMessages extends FactSheetLabels {
  /** The `/help` list: the commands stay as typed, their descriptions in the language. */
  readonly help: string;
  /** Printed once when an interactive chat starts. */
  readonly greeting: string;
  readonly contextCleared: string;
  /** `/sources`: the heading over the passages the last answer cited (the fact sheets' own is `factSheets`). */
  readonly citedInLastAnswer: string;
  /** `/status`. */
  readonly status: StatusTerminalLabels;
  readonly unknownCommand: (name: string) => string;
  readonly turnFailed: (detail: string) => string;
}

const ENGLISH: ChatMessages = {
  help: `Ask anything about the US–Japan alliance; follow-up questions keep their context.
  /sources         the fact sheets, and the passages cited by the last answer
  /quote [speaker] a quotation, optionally by a speaker
  /reset           forget the conversation so far
  /status          what Kizuna knows and how it is doing
  /help            this list
  /exit            leave (or Ctrl-D)`,
  greeting: 'Kizuna — ask about the US–Japan alliance. Type /help for commands, /exit to leave.',
  contextCleared: 'Context cleared: the next question starts a new conversation.',
  ...ENGLISH_FACT_SHEET_LABELS,
  citedInLastAnswer: 'Cited in the last answer',
  status: ENGLISH_STATUS_LABELS,
  unknownCommand: (name) => `Unknown command /${name}. Type /help to see the commands.`,
  turnFailed: (detail) => `Something went wrong (${detail}). You can keep asking.`,
};

const JAPANESE: ChatMessages = {
  help: `日米同盟について何でも聞いてください。続けての質問は前の話題を引き継ぎます。
  /sources         ファクトシートと、直前の回答が引用した箇所
  /quote [発言者]  ファクトシートの引用（発言者を指定できます）
  /reset           これまでの会話を忘れる
  /status          Kizuna が知っていることと状態
  /help            この一覧
  /exit            終了（Ctrl-D でも）`,
  greeting: 'Kizuna — 日米同盟について質問してください。/help でコマンドの一覧、/exit で終了します。',
  contextCleared: '会話をリセットしました。次の質問から新しい会話になります。',
  factSheets: messages('ja').status.factSheets,
  citedInLastAnswer: '直前の回答が引用した箇所',
  sheetSize: (passages, quotations) =>
    `${messages('ja').passageCount(passages)}、${messages('ja').quotationCount(quotations)}`,
  status: {
    title: messages('ja').status.title,
    knowledge: 'ナレッジ',
    knowledgeValue: (sheets, passages, quotations) =>
      `ファクトシート${sheets}件、記述${passages}件、引用${quotations}件`,
    fingerprint: 'フィンガープリント',
    index: messages('ja').status.index,
    embedder: messages('ja').status.embedder,
    answerer: messages('ja').status.answerer,
    provider: 'モデルの提供元',
    upSince: '起動時刻',
    questions: '質問',
    questionsValue: (answered, refused) => `回答 ${answered}件、回答を断った質問 ${refused}件`,
    lastReload: messages('ja').status.lastReload,
  },
  unknownCommand: (name) => `/${name} というコマンドはありません。/help でコマンドの一覧を表示します。`,
  turnFailed: (detail) => `エラーが発生しました（${detail}）。続けて質問できます。`,
};

/** The chat's words for `--lang` (English when none was chosen). */
export function chatMessages(language: CliLanguage | undefined): ChatMessages {
  return language === 'ja' ? JAPANESE : ENGLISH;
}
