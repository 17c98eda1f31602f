import { smoothInverseFrequency } from './frequency-prior.js';
import type { WordMatch } from './word-resolver.js';
import type { WordVectorTable } from './word-vector-table.js';

/** Parameters of the word-vector block; every one of them changes the vectors. */
export interface WordVectorSettings {
  /** SIF constant `a` in `a / (a + p(word))`; smaller values down-weight frequent words more. */
  readonly sifA: number;
  /** Weight of a word read as a typo of a table word, relative to a word found as typed. */
  readonly correctionWeight: number;
}

/** Weight of a matched table word's vector in a text's word-vector mean (before the `1 + ln(count)` factor). */
export function wordVectorWeight(
  match: WordMatch,
  table: WordVectorTable,
  settings: WordVectorSettings,
): number {
  const weight = smoothInverseFrequency(table.rankAt(match.row), settings.sifA, table.sourceVocabularySize);
  return match.kind === 'correction' ? weight * settings.correctionWeight : weight;
}

/** Throws a RangeError naming the first invalid word-vector setting. */
export function validateWordVectorSettings(settings: WordVectorSettings): void {
  if (!(settings.sifA > 0)) throw new RangeError('sifA must be > 0');
  if (!(settings.correctionWeight >= 0)) throw new RangeError('correctionWeight must be ≥ 0');
}
