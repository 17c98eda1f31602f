import type { ReplyLanguage } from '../../core/language/messages.js';
import type { DownvoteReason } from '../../storage/repositories/votes-repository.js';

/**
 * Every word of the community features (feedback, `/gaps`, `/settings`, `/privacy`) in English and Japanese.
 * Kept beside the adapter rather than in the core's catalogue: the core knows nothing of votes or servers.
 */
export interface CommunityMessages {
  readonly helpful: string;
  readonly notHelpful: string;
  readonly thanks: string;
  readonly feedbackNotSaved: string;
  readonly feedbackUnavailable: string;
  readonly modalTitle: string;
  readonly reasonLabel: string;
  readonly reasons: Readonly<Record<DownvoteReason, string>>;
  readonly commentLabel: string;
  readonly commentPlaceholder: string;
  readonly storageUnavailable: string;
  readonly gapsTitle: (days: number) => string;
  readonly gapsTotals: string;
  readonly totalsLine: (t: {
    asked: number;
    answered: number;
    refused: number;
    up: number;
    down: number;
  }) => string;
  readonly gapsMissing: string;
  readonly gapsNone: string;
  readonly dislikedTitle: string;
  readonly dislikedNone: string;
  readonly questionNotKept: string;
  readonly settingsTitle: string;
  readonly settingsSaved: string;
  readonly answerChannels: string;
  readonly none: string;
  readonly mentionThreads: string;
  readonly cooldown: string;
  readonly cooldownDefault: (seconds: number) => string;
  readonly language: string;
  readonly languageAuto: string;
  readonly footer: string;
  readonly keepQuestions: string;
  readonly yes: string;
  readonly no: string;
  readonly tooManyChannels: (max: number) => string;
  readonly notAnswerChannelType: string;
  readonly privacyTitle: string;
  readonly privacyWhat: (retentionDays: number) => string;
  readonly privacyYours: (questions: number, texts: number, votes: number) => string;
  readonly privacyDeleted: (questions: number, votes: number) => string;
  readonly privacyNothingStored: string;
}

const en: CommunityMessages = {
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanks: 'Thanks — noted.',
  feedbackNotSaved: "Sorry — your feedback couldn't be saved right now. Please try again later.",
  feedbackUnavailable: "Feedback can't be recorded here.",
  modalTitle: 'What was wrong with this answer?',
  reasonLabel: 'What was wrong',
  reasons: {
    'wrong-source': 'Wrong source',
    'no-answer': "Didn't answer my question",
    'wrong-facts': 'Wrong facts',
    other: 'Other',
  },
  commentLabel: 'Anything else? (optional)',
  commentPlaceholder: 'Up to 300 characters',
  storageUnavailable:
    "Sorry — Kizuna's storage isn't available right now, so this can't be done. Please try again later.",
  gapsTitle: (days) => `Coverage gaps — last ${days} day${days === 1 ? '' : 's'}`,
  gapsTotals: 'Totals',
  totalsLine: (t) =>
    `Asked ${t.asked} · Answered ${t.answered} · Refused ${t.refused} · 👍 ${t.up} · 👎 ${t.down}`,
  gapsMissing: 'Most frequent refused questions, by what was missing',
  gapsNone: 'No refused questions in this period.',
  dislikedTitle: "Most 👎'd answers",
  dislikedNone: 'No 👎 in this period.',
  questionNotKept: '(question text not kept)',
  settingsTitle: 'Kizuna settings for this server',
  settingsSaved: 'Saved. It applies at once.',
  answerChannels: 'Answer channels (no mention needed)',
  none: 'none',
  mentionThreads: 'Mentions open a thread',
  cooldown: 'Cooldown',
  cooldownDefault: (seconds) => `${seconds} s (default)`,
  language: 'Default reply language',
  languageAuto: "each member's Discord language",
  footer: 'Footer under every answer',
  keepQuestions: 'Keep question text',
  yes: 'yes',
  no: 'no',
  tooManyChannels: (max) => `A server can have at most ${max} answer channels.`,
  notAnswerChannelType: 'Answer channels must be text, announcement or forum channels.',
  privacyTitle: 'What Kizuna stores',
  privacyWhat: (retentionDays) =>
    [
      '• For each question asked in a server: when, the outcome (answered or not), what the fact sheets were missing, and a keyed hash of your user id — never the id itself.',
      retentionDays > 0
        ? `• The question's text, for ${retentionDays} days (unless this server turned it off), so admins can see which questions went unanswered; then it is deleted.`
        : '• Not the question text: only what was missing, and the counts.',
      '• Your 👍/👎 on answers, the reason you chose, and your comment (comments are deleted with question text).',
      '• Nothing from direct messages, unless the operator chose to.',
      'Why: to show admins which documents to add next and which answers were wrong. `/privacy delete` removes everything stored about you.',
    ].join('\n'),
  privacyYours: (questions, texts, votes) =>
    `Stored about you here: ${questions} question${questions === 1 ? '' : 's'} (${texts} with text), ${votes} vote${votes === 1 ? '' : 's'}.`,
  privacyDeleted: (questions, votes) =>
    `Deleted everything stored about you: ${questions} question${questions === 1 ? '' : 's'} and ${votes} vote${votes === 1 ? '' : 's'}.`,
  privacyNothingStored: 'Nothing is stored about you.',
};

const ja: CommunityMessages = {
  helpful: '役に立った',
  notHelpful: '役に立たなかった',
  thanks: 'ありがとうございます。記録しました。',
  feedbackNotSaved:
    '申し訳ありません。フィードバックを保存できませんでした。しばらくしてからもう一度お試しください。',
  feedbackUnavailable: 'ここではフィードバックを記録できません。',
  modalTitle: 'この回答の問題点',
  reasonLabel: '問題点',
  reasons: {
    'wrong-source': '出典が違う',
    'no-answer': '質問に答えていない',
    'wrong-facts': '事実が違う',
    other: 'その他',
  },
  commentLabel: 'コメント（任意）',
  commentPlaceholder: '300文字まで',
  storageUnavailable:
    '申し訳ありません。現在ストレージが利用できないため実行できません。しばらくしてからお試しください。',
  gapsTitle: (days) => `カバレッジの不足 — 過去${days}日間`,
  gapsTotals: '合計',
  totalsLine: (t) =>
    `質問 ${t.asked} · 回答 ${t.answered} · 回答不可 ${t.refused} · 👍 ${t.up} · 👎 ${t.down}`,
  gapsMissing: '回答できなかった質問（不足していた語ごと）',
  gapsNone: 'この期間に回答できなかった質問はありません。',
  dislikedTitle: '👎 の多い回答',
  dislikedNone: 'この期間に 👎 はありません。',
  questionNotKept: '（質問文は保存されていません）',
  settingsTitle: 'このサーバーの Kizuna 設定',
  settingsSaved: '保存しました。すぐに反映されます。',
  answerChannels: '回答チャンネル（メンション不要）',
  none: 'なし',
  mentionThreads: 'メンションでスレッドを作成',
  cooldown: 'クールダウン',
  cooldownDefault: (seconds) => `${seconds} 秒（既定）`,
  language: '既定の回答言語',
  languageAuto: '各メンバーの Discord の言語',
  footer: '回答の下に表示する一文',
  keepQuestions: '質問文を保存',
  yes: 'はい',
  no: 'いいえ',
  tooManyChannels: (max) => `回答チャンネルは1サーバーにつき最大${max}個です。`,
  notAnswerChannelType: '回答チャンネルにはテキスト、アナウンス、フォーラムチャンネルを指定してください。',
  privacyTitle: 'Kizuna が保存するもの',
  privacyWhat: (retentionDays) =>
    [
      '• サーバーでの各質問について：日時、結果（回答できたか）、ファクトシートに不足していた語、ユーザーIDの鍵付きハッシュ（IDそのものは保存しません）。',
      retentionDays > 0
        ? `• 質問文を${retentionDays}日間（サーバーが無効にしていない場合）。管理者が回答できなかった質問を確認するためで、その後削除されます。`
        : '• 質問文は保存しません。不足していた語と件数のみです。',
      '• 回答への 👍/👎、選んだ理由、コメント（コメントは質問文と同じく削除されます）。',
      '• ダイレクトメッセージの内容は、運営者が選択しない限り保存しません。',
      '目的：次に追加すべき資料と誤った回答を管理者に示すため。`/privacy delete` であなたに関する保存データをすべて削除できます。',
    ].join('\n'),
  privacyYours: (questions, texts, votes) =>
    `あなたについて保存されているもの：質問 ${questions} 件（うち質問文あり ${texts} 件）、評価 ${votes} 件。`,
  privacyDeleted: (questions, votes) =>
    `あなたに関する保存データをすべて削除しました：質問 ${questions} 件、評価 ${votes} 件。`,
  privacyNothingStored: 'あなたについて保存されているものはありません。',
};

/** The community features' words in one language. */
export function communityMessages(language: ReplyLanguage): CommunityMessages {
  return language === 'ja' ? ja : en;
}
