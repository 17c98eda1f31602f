/**
 * Splits a passage into sentences without breaking "U.S.", "Donald J. Trump" or a quotation's closing
 * mark away from its sentence. Most passages are a single sentence; a few hold two.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  // A boundary: end punctuation, an optional closing quote, whitespace, then a capital or opening quote.
  const boundary = /([.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/gu;
  let start = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + (match[1]?.length ?? 0);
    const candidate = text.slice(start, end);
    if (isAbbreviationEnd(candidate)) continue;
    sentences.push(candidate.trim());
    start = boundary.lastIndex;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

// "J." (an initial), "U.S.", "Mr.", "Dr.", "St.": a full stop that does not end a sentence.
function isAbbreviationEnd(candidate: string): boolean {
  return /(?:^|[\s(])(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs)\.$/u.test(candidate);
}
