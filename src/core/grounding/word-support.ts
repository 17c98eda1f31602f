import { informationPrior } from '../embeddings/frequency-prior.js';
import { dotProduct, unitVector } from '../embeddings/vector-math.js';
import { contentTokens } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import { isNumberWord } from './numbers.js';

/** What the support check needs from the word-vector table (`WordVectorTable` fits). */
export interface SupportWordTable {
  /** The word's vector, or undefined when the word is not in the table. Need not be unit length. */
  vector(word: string): Float32Array | undefined;
  /** 0-based frequency rank in a large general corpus, or undefined when unknown. */
  rank(word: string): number | undefined;
  /** Size of the vocabulary ranks refer to; unknown words weigh as if this rare. */
  readonly sourceVocabularySize: number;
}

export interface SupportOptions {
  /** Word-vector cosine at or above which a word counts as a paraphrase of a cited word. */
  readonly paraphraseSimilarity: number;
  /** `smoothing` of {@link informationPrior}: ranks well below it weigh about 1. */
  readonly idfSmoothing: number;
}

/** How one content word of a claim is supported. */
export interface WordSupport {
  readonly token: string;
  /** IDF-like weight from the word's rarity in English (`1 + ln(1 + rank / smoothing)`). */
  readonly weight: number;
  readonly kind: 'exact' | 'stem' | 'paraphrase' | 'opposite' | 'unsupported';
  /** The cited word that supports it (paraphrase), or that it contradicts (opposite), and the cosine. */
  readonly via?: string;
  readonly similarity?: number;
}

export interface SupportVerdict {
  /** Σ weight of supported words / Σ weight of all content words; 1 when there are none. */
  readonly share: number;
  readonly words: readonly WordSupport[];
}

/**
 * Words a faithful answer uses about its sources rather than from them ("the fact sheet notes…",
 * "according to…"): they need no support and weigh nothing.
 */
export const META_WORDS: ReadonlySet<string> = new Set(
  `fact facts sheet sheets according notes noted note states stated state says said mentions mentioned
  reports reported describes described highlights highlighted adds added explains explained lists listed
  points pointed indicates indicated shows showed passage passages source sources document documents
  white house press secretary office statement also additionally furthermore moreover however overall
  specifically particular notably example instance including includes include summary short briefly
  answer question details detail following key area areas`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/**
 * Opposites sit close together in word vectors ("increase"/"decrease" ≈ 0.8), so a paraphrase match
 * between them would let a reversed claim through; these pairs (by stem) never support each other.
 */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ['increas', 'decreas'],
  ['increas', 'reduc'],
  ['expand', 'reduc'],
  ['expand', 'shrink'],
  ['strengthen', 'weaken'],
  ['strong', 'weak'],
  ['largest', 'smallest'],
  ['larg', 'small'],
  ['biggest', 'smallest'],
  ['most', 'least'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['rais', 'lower'],
  ['grow', 'shrink'],
  ['support', 'oppos'],
  ['approv', 'reject'],
  ['approv', 'block'],
  ['protect', 'attack'],
  ['protect', 'threaten'],
  ['alli', 'enemi'],
  ['alli', 'adversari'],
  ['friend', 'enemi'],
  ['friendship', 'rivalri'],
  ['first', 'last'],
  ['befor', 'after'],
  ['import', 'export'],
  ['north', 'south'],
  ['east', 'west'],
  ['win', 'lose'],
  ['accept', 'reject'],
  ['open', 'close'],
  ['advanc', 'retreat'],
  ['start', 'end'],
  ['begin', 'end'],
];

function areOpposites(a: string, b: string): boolean {
  return OPPOSITES.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/** Prepared cited text: its words, stems and unit vectors. */
export interface SupportSource {
  readonly tokens: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly vectors: readonly { readonly word: string; readonly stem: string; readonly unit: Float32Array }[];
}

/** Prepares texts (the cited passages and their document's title) for {@link assessSupport}. */
export function prepareSupportSource(texts: readonly string[], table: SupportWordTable): SupportSource {
  const tokens = new Set(texts.flatMap((text) => contentTokens(text)));
  const stems = new Set([...tokens].map(stem));
  const vectors = [...tokens].flatMap((word) =>
    wordForms(word).flatMap((form) => {
      const vector = table.vector(form);
      return vector === undefined ? [] : [{ word, stem: stem(word), unit: unitVector(vector) }];
    }),
  );
  return { tokens, stems, vectors };
}

/**
 * How well the cited texts support a claim's content words: exactly, by stem (`contentTerms`' stemmer,
 * "investing" = "invested"), or as a paraphrase (word-vector cosine ≥ `paraphraseSimilarity`, opposites
 * excluded). Numbers are left to the number check and meta words ("the fact sheet notes") weigh nothing.
 */
export function assessSupport(
  body: string,
  source: SupportSource,
  table: SupportWordTable,
  options: SupportOptions,
  /** Tokens checked elsewhere (names): they would only inflate the share, being rare and easy to copy. */
  exclude: ReadonlySet<string> = new Set(),
): SupportVerdict {
  const words: WordSupport[] = [];
  for (const token of new Set(contentTokens(body))) {
    if (/^\d/.test(token) || isNumberWord(token) || META_WORDS.has(token) || exclude.has(token)) continue;
    const weight = informationPrior(table.rank(token) ?? table.sourceVocabularySize, options.idfSmoothing);
    words.push({ token, weight, ...supportOf(token, source, table, options) });
  }
  const total = words.reduce((sum, word) => sum + word.weight, 0);
  const supported = words.reduce((sum, word) => sum + (isSupported(word) ? word.weight : 0), 0);
  return { share: total === 0 ? 1 : supported / total, words };
}

function supportOf(
  token: string,
  source: SupportSource,
  table: SupportWordTable,
  options: SupportOptions,
): Pick<WordSupport, 'kind' | 'via' | 'similarity'> {
  if (source.tokens.has(token)) return { kind: 'exact' };
  const tokenStem = stem(token);
  if (source.stems.has(tokenStem)) return { kind: 'stem' };
  // "last" where the passage says "first", "weakened" where it says "strengthened".
  const opposite = [...source.stems].find((candidate) => areOpposites(tokenStem, candidate));
  if (opposite !== undefined) return { kind: 'opposite', via: opposite };
  let best: { word: string; similarity: number } | undefined;
  for (const form of wordForms(token)) {
    const vector = table.vector(form);
    if (vector === undefined) continue;
    const query = unitVector(vector);
    for (const candidate of source.vectors) {
      if (areOpposites(tokenStem, candidate.stem)) continue;
      const similarity = dotProduct(query, candidate.unit);
      if (similarity >= options.paraphraseSimilarity && similarity > (best?.similarity ?? -1)) {
        best = { word: candidate.word, similarity };
      }
    }
  }
  return best === undefined
    ? { kind: 'unsupported' }
    : { kind: 'paraphrase', via: best.word, similarity: Math.round(best.similarity * 1000) / 1000 };
}

/**
 * A word and its singular: plural vectors are noisier than singular ones ("buyers"/"purchasers" 0.54,
 * "buyer"/"purchaser" 0.72).
 */
function wordForms(word: string): string[] {
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return [word, word.slice(0, -1)];
  return [word];
}

/** True for words the cited texts use or paraphrase. */
export function isSupported(word: WordSupport): boolean {
  return word.kind === 'exact' || word.kind === 'stem' || word.kind === 'paraphrase';
}
