/**
 * Thresholds of the grounding check. The defaults were chosen on the hand-written fixture set in
 * `tests/core/grounding/fixtures/` (faithful paraphrases that must pass, adversarial sentences that must
 * fail); the test there reports the confusion and fails when a default changes the outcome.
 */
export interface GroundingOptions {
  /**
   * Least IDF-weighted share of a claim's content words that the cited passages must support (exactly,
   * by stem or as a paraphrase). Names and numbers are left out (they are checked exactly). On the fixture
   * set (with `paraphraseSimilarity` 0.65) every value from 0.7 to 0.8 separates all cases; 0.75 is the middle.
   * @default 0.75
   */
  readonly supportThreshold: number;
  /**
   * Word-vector cosine (unit vectors, the shipped 100-d GloVe table) at or above which a word paraphrases a
   * cited word: "firms"/"companies" 0.93, "talks"/"negotiations" 0.91, "buyer"/"purchaser" 0.72. Below 0.62
   * related words that are not synonyms start to count ("treaty"/"signed" 0.617); above 0.7 real
   * paraphrases are lost ("adopted"/"passed").
   * @default 0.65
   */
  readonly paraphraseSimilarity: number;
  /** `smoothing` of the IDF prior `1 + ln(1 + rank / smoothing)`, rank from the word table. @default 1000 */
  readonly idfSmoothing: number;
  /**
   * A capitalised word opening a sentence is checked as a name when rarer than this frequency rank
   * ("Toyota", "Abe"), or when the passages write it capitalised mid-sentence. @default 20000
   */
  readonly nameRank: number;
}

export const DEFAULT_GROUNDING_OPTIONS: GroundingOptions = {
  supportThreshold: 0.75,
  paraphraseSimilarity: 0.65,
  idfSmoothing: 1000,
  nameRank: 20_000,
};
