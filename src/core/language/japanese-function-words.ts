/**
 * Japanese words that carry no topic: question words, the nouns and verbs that frame a request
 * ("教えて", "書かれている", "について"), pronouns, and grammatical nouns (事, 時, 方). A kanji or katakana
 * word of a question that is neither in the glossary nor here is reported as unknown, so this list keeps
 * "what does the sheet say about…" from being refused for the word "sheet", and "what is the purpose of…"
 * (目的), "in the end" (結局) or "in English" (英語) from being refused for the frame. Hiragana-only words are
 * grammar and never reported. Written for Kizuna (MIT).
 */
export const JAPANESE_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `何 なに なん 誰 だれ 何故 幾ら 何人 何回 何度 何年 何月 何日 何か 何者 何機 何社 何件 何個 何台 何十 時期
  理由 金額 程度 意味合い
  事 時 方 為 所 物 者 様 中 上 下 前 後 間 的 等 内 他 今 際 点 場合 部分 以外 以下 未満
  言 私 僕 俺 彼 彼女 我々 私たち 皆 全て 全部 自分
  教え 教える 教えて 知り 知る 知っ 思う 思い 思っ 言う 言っ 言い 聞き 聞く 聞い 書い 書か 書く 書き 説明 話 話し
  記述 記載 載っ 出 来 行 行っ 出来 関する 関して 関連 対する 対して 具体的 詳しく 詳細 本当 実際 最近 一番
  まとめ 要約 概要 全体像 概略 名言 引用 コメント セリフ 台詞
  ファクトシート シート 資料 文書 文章 文 質問 答え 回答 内容 話題 件 情報源 出典 ソース 原文
  何と どんな どういう どのような どれ どの どこ いつ
  目的 狙い 結局 結局何 方針 分野 協力分野 対象 相手 確認 合わせ 合わせて イベント 風 気 具体 英語 日本語 英訳 翻訳
  何番目 何位 順位 最終的 本当に ほんと 説明され 書いてあ`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
