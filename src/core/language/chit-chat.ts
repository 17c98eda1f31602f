/**
 * Japanese small talk that wants a friendly word, not a search of the fact sheets: thanks, greetings,
 * "got it", "test". Written for Kizuna (MIT).
 */
const CHIT_CHAT_PHRASES = [
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
/** What may remain once the phrases are gone: punctuation, spaces, laughter, symbols and emoji. */
const FILLER = /^[\s\p{P}\p{S}w〜ー]*$/u;

/**
 * True when a Japanese message is only small talk (ありがとう, こんにちは, テスト, 了解, よろしく…), with
 * perhaps the bot's name, punctuation or emoji around it. A question that also thanks ("ありがとう、令和の
 * 意味は？") is not small talk.
 */
export function isJapaneseChitChat(text: string): boolean {
  let rest = text.normalize('NFKC').replace(ADDRESS, ' ');
  let matched = false;
  for (const phrase of CHIT_CHAT_PHRASES) {
    if (rest.includes(phrase)) {
      matched = true;
      rest = rest.replaceAll(phrase, ' ');
    }
  }
  return matched && FILLER.test(rest);
}
