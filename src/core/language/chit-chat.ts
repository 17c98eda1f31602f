/**
 * Japanese ways of asking the bot itself for help, as "help" does in English: they get the help reply.
 * Written for Kizuna (MIT) from how people address chat bots.
 */
const HELP_PHRASES = [
  'ヘルプ',
  'へるぷ',
  'たすけて',
  '助けて',
  '助けてください',
  'たすけてください',
  '使い方',
  '使いかた',
  'つかいかた',
  '使い方を教えて',
  '使い方は',
  'どうやって使う',
  'どう使う',
  '何ができる',
  '何ができますか',
  'なにができる',
  'コマンド',
  'コマンド一覧',
  'ヘルプを見せて',
  'ヘルプお願いします',
].sort((a, b) => b.length - a.length);

/**
 * Japanese small talk that wants a friendly word, not a search of the fact sheets: thanks, greetings,
 * "got it", "test", and requests for help ({@link HELP_PHRASES}). Written for Kizuna (MIT).
 */
const CHIT_CHAT_PHRASES = [
  ...HELP_PHRASES,
  'ありがとうございます',
  'ありがとうございました',
  'ありがとう',
  'ありがと',
  'どうもありがとう',
  'どうも',
  'サンキュー',
  'さんきゅー',
  '感謝します',
  '感謝',
  '助かりました',
  '助かった',
  '助かる',
  '助かります',
  'こんにちは',
  'こんにちわ',
  'こんばんは',
  'こんばんわ',
  'おはようございます',
  'おはよう',
  'やあ',
  'はじめまして',
  'よろしくお願いします',
  'よろしくお願いいたします',
  'よろしく',
  'もしもし',
  'お疲れ様です',
  'お疲れさまです',
  'お疲れ様',
  'おつかれ',
  'さようなら',
  'またね',
  'おやすみ',
  'テスト',
  'てすと',
  'テストです',
  '了解です',
  '了解しました',
  '了解',
  'りょうかい',
  'わかりました',
  '分かりました',
  'わかった',
  '分かった',
  'なるほど',
  'すごい',
  'すごいね',
  'いいね',
  'ナイス',
  'おけ',
  'おっけー',
  'オッケー',
  'はい',
  'うん',
  '笑',
  '草',
].sort((a, b) => b.length - a.length);

/** Ways of addressing the bot that may stand around small talk ("きずなさん、ありがとう"). */
const ADDRESS = /kizuna|キズナ|きずな|絆|ボット|bot|さん|くん|ちゃん/giu;
/** Particles and polite endings that may follow a phrase: を, は, ください, お願いします, 教えて. */
const POLITE_TAIL = /を|は|ください|下さい|お願いします|おねがいします|お願い|教えて|おしえて|ですか|か/gu;
/** What may remain once the phrases are gone: punctuation, spaces, laughter, symbols and emoji. */
const FILLER = /^[\s\p{P}\p{S}w〜ー]*$/u;

/**
 * True when a Japanese message is only small talk (ありがとう, こんにちは, テスト, 了解, よろしく…), with
 * perhaps the bot's name, punctuation or emoji around it. A question that also thanks ("ありがとう、令和の
 * 意味は？") is not small talk.
 */
export function isJapaneseChitChat(text: string): boolean {
  return onlyPhrases(text, CHIT_CHAT_PHRASES) || isJapaneseHelpRequest(text);
}

/**
 * True when a Japanese message only asks the bot for help (ヘルプ, たすけて, 使い方, 何ができる？), perhaps
 * with the bot's name, punctuation or emoji around it: it gets the help reply, not a greeting.
 */
export function isJapaneseHelpRequest(text: string): boolean {
  return onlyPhrases(text, HELP_PHRASES, POLITE_TAIL);
}

/** True when `text` is one or more of `phrases`, with only the address, `tail` words and filler around. */
function onlyPhrases(text: string, phrases: readonly string[], tail?: RegExp): boolean {
  let rest = text.normalize('NFKC').replace(ADDRESS, ' ');
  let matched = false;
  for (const phrase of phrases) {
    if (rest.includes(phrase)) {
      matched = true;
      rest = rest.replaceAll(phrase, ' ');
    }
  }
  // Polite endings around a request (ヘルプをください, 使い方を教えてください) add nothing to it.
  return matched && FILLER.test(tail === undefined ? rest : rest.replace(tail, ' '));
}
