/**
 * What the grounding check needs to judge a sentence a model wrote in Japanese about English passages:
 * it is read into the sheets' English (names, numbers, content words, through the glossary) and checked
 * like an English sentence; what reading cannot carry over is checked here.
 */

/** True when a claim is (partly) written in Japanese. */
export function isJapanese(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}

/**
 * Japanese that denies or reverses what it applies to: ない/ません/なかった/ず, and verbs such as 解消
 * (dissolve), 撤回 (withdraw), 中止 (cancel). Like an English "not", one the passage does not have turns a
 * faithful sentence into its opposite.
 */
const JAPANESE_NEGATION =
  /(?:な(?:い|かった|く)|ません|ず(?:に|、|。|$)|否定|解消|廃止|撤回|中止|停止|拒否|反対|失敗|終了|破棄|離脱|解除|凍結|断念)/u;

export function japaneseNegationCues(text: string): string[] {
  // 「ない」 inside ordinary words is not a negation: 以内 (within), 国内 (domestic) end in 内, not ない.
  return [...text.matchAll(new RegExp(JAPANESE_NEGATION.source, 'gu'))].map((match) => match[0]);
}

/** Spans in Japanese quotation marks 「…」『…』: each must be the passage's own words, verbatim. */
export function japaneseQuotedSpans(text: string): string[] {
  return [...text.matchAll(/[「『]([^」』]+)[」』]/gu)]
    .map((match) => match[1] ?? '')
    .filter((span) => span !== '');
}
