import { americanSpelling, stem } from '../text/stem.js';
import { hashString } from './feature-hash.js';
import { informationPrior } from './frequency-prior.js';
import type { WordMatch } from './word-resolver.js';
import type { WordVectorTable } from './word-vector-table.js';

/** Parameters of the hashed n-gram block; every one of them changes the vectors. */
export interface HashedNgramSettings {
  /** Buckets features are hashed into. */
  readonly dimensions: number;
  readonly minNgram: number;
  readonly maxNgram: number;
  /** Length of a word's n-gram block relative to its whole-word (stem) feature, which has length 1. */
  readonly ngramWeight: number;
  /** Ranks well below this count as common in the prior `1 + ln(1 + rank / smoothing)`. */
  readonly priorSmoothing: number;
  /** Weight of the stem of the word a probable typo was corrected to, relative to the typed word's. */
  readonly correctionWeight: number;
  /** Mixed into the hash: a different seed gives different (equally random) collisions. */
  readonly hashSeed: number;
}

const WORD_SEED = 0x9e3779b9;
const NGRAM_SEED = 0x85ebca6b;

/**
 * The hashed features of one content token, weighted by its frequency prior: its stem (so
 * "investing"/"investment" meet), the stem of the word a typo was corrected to, and its character
 * n-grams with boundary markers (so "Toyata" shares "<to", "toy", "ta>" with "Toyota"). Signed hashing
 * (the low hash bit is the sign) keeps collisions from adding up in one direction.
 *
 * @param match the table word standing for the token, if any (gives the rank; a correction adds a feature)
 * @param out receives parallel bucket/value lists, one entry per distinct bucket
 */
export function hashedTokenFeatures(
  token: string,
  match: WordMatch | undefined,
  table: WordVectorTable,
  settings: HashedNgramSettings,
  out: { buckets: number[]; values: number[] },
): void {
  const { dimensions, minNgram, maxNgram, ngramWeight, priorSmoothing, correctionWeight, hashSeed } =
    settings;
  const wordSeed = (WORD_SEED ^ Math.imul(hashSeed, 0x27d4eb2f)) >>> 0;
  const ngramSeed = (NGRAM_SEED ^ Math.imul(hashSeed, 0x165667b1)) >>> 0;
  const rank = match === undefined ? table.sourceVocabularySize : table.rankAt(match.row);
  const prior = informationPrior(rank, priorSmoothing);
  const accumulated = new Map<number, number>();
  const add = (hash: number, weight: number): void => {
    const bucket = (hash >>> 1) % dimensions;
    accumulated.set(bucket, (accumulated.get(bucket) ?? 0) + (hash & 1 ? -weight : weight));
  };

  add(hashString(stem(token), wordSeed), prior);
  if (match?.kind === 'correction')
    add(hashString(stem(table.wordAt(match.row)), wordSeed), prior * correctionWeight);
  const padded = `<${americanSpelling(token)}>`;
  let ngramCount = 0;
  for (let n = minNgram; n <= maxNgram; n += 1) ngramCount += Math.max(0, padded.length - n + 1);
  if (ngramCount > 0 && ngramWeight > 0) {
    // Spread so that the n-gram block has length ngramWeight × prior whatever the word's length.
    const perNgram = (prior * ngramWeight) / Math.sqrt(ngramCount);
    for (let n = minNgram; n <= maxNgram; n += 1) {
      for (let start = 0; start + n <= padded.length; start += 1)
        add(hashString(padded, ngramSeed, start, start + n), perNgram);
    }
  }
  for (const [bucket, value] of accumulated) {
    out.buckets.push(bucket);
    out.values.push(value);
  }
}

/** Throws a RangeError naming the first invalid hashed-block setting. */
export function validateHashedNgramSettings(settings: HashedNgramSettings): void {
  const { dimensions, minNgram, maxNgram, ngramWeight, priorSmoothing, correctionWeight } = settings;
  if (!Number.isInteger(dimensions) || dimensions < 2)
    throw new RangeError('hashed dimensions must be an integer ≥ 2');
  if (!Number.isInteger(minNgram) || !Number.isInteger(maxNgram) || minNgram < 1 || maxNgram < minNgram) {
    throw new RangeError('n-gram sizes must be integers with 1 ≤ minNgram ≤ maxNgram');
  }
  if (!(ngramWeight >= 0)) throw new RangeError('ngramWeight must be ≥ 0');
  if (!(priorSmoothing > 0)) throw new RangeError('priorSmoothing must be > 0');
  if (!(correctionWeight >= 0)) throw new RangeError('correctionWeight must be ≥ 0');
  if (!Number.isInteger(settings.hashSeed) || settings.hashSeed < 0)
    throw new RangeError('hashSeed must be a non-negative integer');
}
