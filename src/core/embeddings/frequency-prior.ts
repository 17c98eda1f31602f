/**
 * Fixed word weights from a word's frequency rank in a large general corpus (the word-vector table's
 * source). Unlike IDF computed over the fact sheets, these never change when the corpus changes, so a
 * passage's vector depends on its own text alone.
 */

/**
 * IDF-like weight that grows with the logarithm of the rank: `1 + ln(1 + rank / smoothing)`.
 * Under Zipf's law ln(rank) tracks -ln(probability), i.e. a word's information content.
 * @param rank 0-based frequency rank (0 = most frequent); unknown words should pass the vocabulary size.
 * @param smoothing ranks well below this count as "common" and weigh about 1.
 */
export function informationPrior(rank: number, smoothing: number): number {
  return 1 + Math.log1p(rank / smoothing);
}

const EULER_MASCHERONI = 0.5772156649;

/**
 * The "smooth inverse frequency" weight `a / (a + p(word))` of Arora et al. (2017), with p estimated from
 * the rank by Zipf's law: `p(rank) = 1 / ((rank + 1) × H(V))`, H(V) ≈ ln V + γ.
 * @param a smaller a down-weights frequent words more.
 */
export function smoothInverseFrequency(rank: number, a: number, vocabularySize: number): number {
  const probability = 1 / ((rank + 1) * (Math.log(vocabularySize) + EULER_MASCHERONI));
  return a / (a + probability);
}
