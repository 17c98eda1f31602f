/**
 * Rankings a passage qualifies: "the third largest source", "one of the world's largest purchasers". A
 * model that keeps the superlative but drops its qualifier ("Japan is the largest source of FDI") turns a
 * true ranking into a false one while keeping every content word, which the word-support check alone
 * would let through.
 */
const ORDINAL = String.raw`(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))`;
const SUPERLATIVE = String.raw`(?:most\s+\p{L}+|least\s+\p{L}+|\p{L}{2,}est|best|worst)`;
const RANKED = new RegExp(
  String.raw`\b(${ORDINAL}|one\s+of\s+the|among\s+the)\s+(?:(?:[\p{L}-]+['’]s|[\p{L}-]+)\s+){0,2}?(${SUPERLATIVE})\b`,
  'giu',
);

/** A superlative and the qualifier the passage gives it ("third" for "largest"), lower case. */
export interface QualifiedRanking {
  readonly superlative: string;
  readonly qualifier: string;
}

/** The rankings the texts qualify, e.g. [{ superlative: "largest", qualifier: "third" }]. */
export function qualifiedRankings(texts: readonly string[]): QualifiedRanking[] {
  return texts.flatMap((text) =>
    [...text.normalize('NFKC').matchAll(RANKED)].map((match) => ({
      qualifier: (match[1] ?? '').toLowerCase().replace(/\s+/g, ' '),
      superlative: (match[2] ?? '').toLowerCase().replace(/\s+/g, ' '),
    })),
  );
}

/**
 * The qualified rankings of `texts` whose superlative the claim uses without any of the qualifiers the
 * texts give it: "largest" stated bare where the passage says "third largest". Empty when none.
 */
export function droppedQualifiers(claim: string, texts: readonly string[]): QualifiedRanking[] {
  const lower = claim.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  const rankings = qualifiedRankings(texts);
  return rankings.filter(
    ({ superlative }) =>
      new RegExp(String.raw`\b${superlative}\b`, 'u').test(lower) &&
      !rankings.some((other) => other.superlative === superlative && keeps(lower, other.qualifier)),
  );
}

/** "one of the" and "among the" say the same: the subject is not alone at the top. */
function keeps(claim: string, qualifier: string): boolean {
  return qualifier === 'one of the' || qualifier === 'among the'
    ? /\b(?:one\s+of\s+the|among\s+the)\b/u.test(claim)
    : claim.includes(qualifier);
}
