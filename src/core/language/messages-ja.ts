import type { AskedFor } from './question-intent.js';
import type { MessageCatalogue, UnstatedFact } from './messages.js';
import { unsupportedLanguageReply } from './unsupported-language-reply.js';

/** Lead-ins by question type: what follows is always the sheets' English original, and says so. */
const LEAD_INS: Readonly<Record<AskedFor | 'default', string>> = {
  default: 'ファクトシートには次のようにあります（英語の原文）：',
  what: 'ファクトシートには次のようにあります（英語の原文）：',
  who: 'ファクトシートでは、該当する人物について次のように書かれています（英語の原文）：',
  when: 'ファクトシートでは、時期について次のように書かれています（英語の原文）：',
  'how-much': 'ファクトシートでは、金額や規模について次のように書かれています（英語の原文）：',
  'how-many': 'ファクトシートでは、数について次のように書かれています（英語の原文）：',
  rank: 'ファクトシートでは、順位について次のように書かれています（英語の原文）：',
  why: 'ファクトシートでは、理由や背景について次のように書かれています（英語の原文）：',
  quote: 'ファクトシートには、次の発言が引用されています（英語の原文）：',
  overview: 'ファクトシートの要点は次のとおりです（英語の原文）：',
};

const UNSTATED: Readonly<Record<UnstatedFact, string>> = {
  quantity: 'その数字',
  count: 'その数',
  money: 'その金額',
  when: 'その時期',
  who: 'それが誰か',
  where: 'その場所',
  rank: 'その順位',
};

/** Japanese user-facing strings; placeholders match the English catalogue's. Written for Kizuna (MIT). */
export const JAPANESE_MESSAGES: MessageCatalogue = {
  language: 'ja',
  answerLeadIn: (asks) => LEAD_INS[asks ?? 'default'],
  claimVerdict: (verdict) => (verdict === 'confirmed' ? 'はい。' : 'いいえ。'),
  refusal: (missing, documentCount) => {
    const scope = `私は日米同盟に関する${documentCount === 2 ? '2つの' : ''}ホワイトハウスのファクトシートだけをもとにお答えしています。`;
    if (missing.length === 0) return `その内容はファクトシートには書かれていません。${scope}`;
    return `ファクトシートには${quoted(missing)}についての記述はありません。${scope}`;
  },
  noTopic: () =>
    '何について知りたいか教えていただけますか？ 例：「日本企業はアメリカでどれくらいの雇用を支えていますか？」',
  chitChat: (documentCount, kind = 'greeting') => {
    const what = `日米同盟について、ホワイトハウスの${documentCount === 2 ? '2つの' : ''}ファクトシートをもとに出典付きでお答えします。`;
    switch (kind) {
      case 'thanks':
        return 'どういたしまして！ほかにも日米同盟について聞いてみてください。例えば「令和とはどういう意味ですか？」';
      case 'help':
        return `${what}日本語か英語で質問してください。例：「令和とはどういう意味ですか？」「日本企業はアメリカでどれくらいの雇用を支えていますか？」。続けて「それはいつ？」「もっと詳しく」と聞いたり、「2019年のファクトシートをまとめて」と概要を頼んだりもできます。`;
      case 'feedback':
        return '的外れでしたら申し訳ありません。答えにはいつも根拠のファクトシートの原文を示していますので、出典と照らし合わせてご確認ください。Discordでは答えに👎を付けると、サーバーの管理者に伝わります。言い方を変えてもう一度聞いてみてください。例：「令和とはどういう意味ですか？」';
      case 'about':
        return `Kizuna（絆）です。${what}ファクトシートの原文を引用し、答えの根拠となる箇所を示します。書かれていないことは、書かれていないとお答えします。例えば「令和とはどういう意味ですか？」と聞いてみてください。`;
      case 'acknowledgement':
        return 'ほかにも日米同盟について知りたいことはありますか？例えば「令和とはどういう意味ですか？」';
      case 'greeting':
        return `こんにちは！${what}例えば「令和とはどういう意味ですか？」と聞いてみてください。`;
    }
  },
  sourcesList: (documents) =>
    [
      `次の${documents.length}つのファクトシートをもとにお答えします：`,
      ...documents.map((document) => `• ${document.title} — ${document.publisher}、${document.displayDate}`),
      '例えば「2019年のファクトシートをまとめて」と聞いてみてください。',
    ].join('\n'),
  noSheetOfYear: (year, documents) =>
    [
      `${year}年のファクトシートはありません。次の${documents.length}つのファクトシートをもとにお答えします：`,
      ...documents.map((document) => `• ${document.title} — ${document.publisher}、${document.displayDate}`),
    ].join('\n'),
  closestPassage: (missing, unstated) =>
    missing.length > 0
      ? `ファクトシートには${quoted(missing)}についてそのようには書かれていません。最も近い記述（英語の原文）：`
      : unstated === undefined
        ? 'ファクトシートにはそのとおりには書かれていません。最も近い記述（英語の原文）：'
        : `ファクトシートには${UNSTATED[unstated]}は書かれていません。最も近い記述（英語の原文）：`,
  sourceOfLastAnswer: (sheet, section) =>
    `${sheet}のファクトシート${section === undefined ? '' : `の「${section}」`}からの記述です（英語の原文）：`,
  otherSheet: (askedSheets, missing, otherSheet) =>
    `${askedSheets.join('・')}のファクトシートには${quoted(missing)}についての記述はありません。${otherSheet}のファクトシートには次のようにあります（英語の原文）：`,
  overviewLead: (sheetNames, topical) =>
    `${sheetNames.length === 1 ? `${sheetNames[0]}のファクトシート` : 'ファクトシート'}${topical ? 'のこの話題に関する記述' : 'の内容'}を、セクションごとにまとめました（英語の原文）：`,
  unsupportedLanguage: unsupportedLanguageReply,
  cooldownBusy: '前の質問をまだ処理しています。1つずつお願いします。',
  cooldownWait: (seconds) => `あと${japaneseDuration(seconds)}待ってから、もう一度質問してください。`,
  adminOnlyInServer: '管理者用コマンドはサーバー内でのみ使えます（ダイレクトメッセージでは使えません）。',
  adminOnly:
    '申し訳ありません。このコマンドはサーバー管理者専用です（「サーバー管理」権限、またはボットの管理者が指定したロールやユーザー）。',
  invalidInput: '質問は文字で入力してください。',
  emptyQuestion: '質問が空です。日米同盟について質問してください。例：「令和とはどういう意味ですか？」',
  questionTooLong: (length, maxLength) =>
    `質問が${length}文字あります。上限は${maxLength}文字です。短くしてください。`,
  genericFailure:
    '申し訳ありません。処理中にこちら側で問題が発生しました。記録しましたので、少し時間をおいてもう一度お試しください。',
  passageGone:
    'その記述は現在のファクトシートにはもうありません（このメッセージの送信後にナレッジが再読み込みされました）。',
  unknownCommand:
    'そのコマンドはもう使えません。管理者が `npm run deploy-commands` を実行する必要があるかもしれません。',
  unknownButton: 'このボタンはもう使えません。もう一度質問して、新しい回答を受け取ってください。',
  threadWelcome: 'このスレッドでは、メンションなしで続けて質問できます。',
  emptyMention:
    'メンションの後に、日米同盟についての質問を書いてください。例：「@Kizuna 2019年のファクトシートは貿易について何と言っている？」',
  sources: '出典',
  sourcesContinued: '出典（続き）',
  passageButton: (marker) => `原文 [${marker}]`,
  noAnswerText: '表示できる回答がありません。',
  answeredFooter: (answerer) => `ホワイトハウスのファクトシートから回答 · ${answerer}`,
  notCoveredFooter: (missing, answerer) =>
    `ファクトシートに記載なし${missing.length > 0 ? `（記述のない語：${missing.join('、')}）` : ''} · ${answerer}`,
  openingQuotation: '冒頭の引用',
  passageDate: '日付',
  passageSection: 'セクション',
  passageFooter: (passageId) => `記述 ${passageId}`,
  quoteSource: '出典',
  showPassage: '原文を表示',
  quoteFraming: (speaker) => `${speaker}の発言（英語の原文）：`,
  sourcesTitle: 'Kizunaが回答に使うファクトシート',
  noSources: 'ファクトシートが読み込まれていません。',
  sourcesSummary: (sheets, passages) => `ファクトシート${sheets}件、引用できる記述${passages}件。`,
  passageCount: (count) => `記述${count}件`,
  quotationCount: (count) => `引用${count}件`,
  status: {
    title: 'Kizunaの状態',
    fingerprint: 'コーパスのフィンガープリント',
    factSheets: 'ファクトシート',
    passages: '記述',
    quotations: '引用',
    embedder: '埋め込みモデル',
    answerer: '回答方式',
    uptime: '稼働時間',
    uptimeValue: (duration, since) => `${duration}（${since}から）`,
    questionsAnswered: '回答した質問',
    questionsRefused: '回答を断った質問',
    lastReload: '最後の再読み込み',
    index: 'インデックス',
    indexUnknown: '不明',
    shard: 'シャード',
    shardValue: (ids, count) => `${ids} / ${count}`,
    reloadNone: '起動後なし',
    reloadSucceeded: (when, took) => `成功（${when}${took === '' ? '' : `、所要 ${took}`}）`,
    reloadFailed: (when, error) =>
      `失敗（${when}${error ? `：${error}` : ''}）。以前のナレッジで回答を続けています`,
  },
};

/** 「沖縄」、「TPP」または「習近平」: up to three terms, in Japanese quotation brackets. */
function quoted(missing: readonly string[]): string {
  const named = missing.slice(0, 3).map((term) => `「${term}」`);
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join('、')}または${named.at(-1)}`;
}

/** 5秒, 1分4秒, 2時間5分. */
function japaneseDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}時間${minutes}分`;
  if (minutes > 0) return rest === 0 ? `${minutes}分` : `${minutes}分${rest}秒`;
  return `${rest}秒`;
}
