/** What a question asks for, so that the answer can lead with the right kind of fact. */
export type AskedFor =
  'who' | 'when' | 'how-much' | 'how-many' | 'rank' | 'what' | 'why' | 'quote' | 'overview';

/**
 * Japanese question wording by what it asks, checked in this order (the first match wins), because
 * the longer forms contain the shorter ones: 何回 (how many) and 何と言った (quote) both contain 何 (what).
 */
const ASK_PATTERNS: ReadonlyArray<readonly [AskedFor, RegExp]> = [
  ['who', /誰|だれ|どなた|何者|どの人/u],
  ['when', /いつ|何年|何月|何日|時期/u],
  ['rank', /何番目|何位|順位/u],
  ['how-many', /何人|何回|何度|何機|何社|何件|何か国|何カ国|何ヶ国|何個|何台|いくつ|幾つ|何十/u],
  ['how-much', /いくら|幾ら|金額|何ドル|どれくらい|どれぐらい|どのくらい|どのぐらい|どれほど|どの程度/u],
  ['why', /なぜ|何故|どうして|なんで|理由/u],
  ['quote', /言っ|言い|言う|述べ|語っ|発言|名言|引用|コメント|セリフ|台詞/u],
  ['overview', /まとめ|要約|概要|全体像|ざっくり|概略/u],
  ['what', /何|なに|なん|どんな|どういう|どのような|とは|って|意味|どう/u],
];

/** English question words for each kind, as the English pipeline recognises them ("how much", "say"). */
export const ASKED_FOR_ENGLISH: Readonly<Record<AskedFor, string>> = {
  who: 'who',
  when: 'when',
  'how-much': 'how much',
  'how-many': 'how many',
  rank: 'what rank',
  what: 'what',
  why: 'why',
  quote: 'what did say',
  overview: '',
};

/**
 * What a Japanese question asks for, from its question words: 誰 → who, いつ → when, いくら/どれくらい →
 * how-much, 何人/何回 → how-many, 何番目/何位 → rank, なぜ → why, 言った → quote, まとめ → overview, 何/とは/意味 → what;
 * undefined when it has none (a bare term such as 令和).
 */
export function askedFor(text: string): AskedFor | undefined {
  // 何度も is "repeatedly" and 何十億ドルも "billions of dollars": with も, 何 counts, it does not ask.
  const wording = text.replaceAll('何度も', '').replace(/何(?:十|百|千|万|億)+[^\s、。？?も]{0,4}も/gu, '');
  for (const [kind, pattern] of ASK_PATTERNS) if (pattern.test(wording)) return kind;
  return undefined;
}
