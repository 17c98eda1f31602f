/**
 * Words that deny or reverse what they apply to. A model that adds one to a passage that has none
 * ("the alliance was dissolved", "Japan has not invested") states the opposite of its source while
 * keeping almost all its words, which a word-overlap check alone would let through.
 */
const NEGATION =
  /\b(?:not|no|never|none|nothing|neither|nor|cannot|without|no\s+longer|any\s+more|anymore|dissolv\w*|terminat\w*|cancel\w*|abandon\w*|withdr[ae]w\w*|suspend\w*|revok\w*|revoc\w*|ended|ceas\w*|halt\w*|scrap\w*|collaps\w*|broke\s+(?:off|up)|reject\w*|refus\w*|oppos\w*|fail\w*|den(?:y|ies|ied)|declin\w*|abolish\w*|end(?:s|ing)?\s+(?:the|its|their)|lack\w*|lift(?:s|ed|ing)?|stop(?:s|ped|ping)?|closure|shut\w*)\b|n['’]t\b/giu;

/** The negating words of a text, lowercase, in order (e.g. ["not"], ["dissolved"], ["n't"]). */
export function negationCues(text: string): string[] {
  return [...text.matchAll(NEGATION)].map((match) => match[0].toLowerCase());
}
