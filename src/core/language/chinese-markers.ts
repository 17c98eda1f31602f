/**
 * Han characters that written Japanese does not use: simplified forms whose Japanese counterpart is a
 * different code point (说 vs 説, 贸 vs 貿, 们, 这), and the traditional-Chinese particles (們, 這, 嗎).
 * A question written only in Han characters (北朝鮮, 安倍首相 — no kana) is Japanese unless it holds one
 * of these. Characters shared with Japanese (会, 国, 的, 是, 了, 多少, 条, 机, 没) are deliberately absent,
 * so no Japanese noun phrase can be mistaken for Chinese.
 */
const CHINESE_ONLY_CHARACTERS = new Set(
  [
    // question words and particles
    '么什吗呢吧们这哪谁啥嗎們這麼說會對',
    // frequent simplified forms with a different Japanese code point
    '说话让对时为见长门问间东车马贸经济关统总岗业实现发开过还给几样认识记听买卖书习电脑钱员务产动',
    '头边进运达选择报纸师签协议谈导弹战绑访讨论应该惯际银币亿亚韩鲜领',
  ].join(''),
);

/** True when `text` contains a Han character that only Chinese writes (see {@link CHINESE_ONLY_CHARACTERS}). */
export function hasChineseOnlyCharacter(text: string): boolean {
  for (const character of text) if (CHINESE_ONLY_CHARACTERS.has(character)) return true;
  return false;
}
