import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/**
 * Version of the text pipeline (tokenize → stopwords → stem). Embedders put it in their identity, so a
 * change to these rules (which changes vectors without changing any parameter) forces a re-index.
 * Bump it whenever tokenize, stopwords or stem behave differently.
 */
export const TEXT_PIPELINE_VERSION = 2;

/** True when a token names something: not a stopword and not a lone letter (the "J." of "Donald J. Trump"). */
export function isContentToken(token: string): boolean {
  if (isStopword(token)) return false;
  return token.length > 1 || /\p{N}/u.test(token);
}

/**
 * The unstemmed content tokens of a text, in order, with repeats. The last {@link REMEMBERED_TEXTS} texts'
 * tokens are remembered: a question's answering reads the same few passages and their sentences again and
 * again (judging, leading, choosing the sentence), and the same passages come back question after question.
 * A fresh array every call.
 */
export function contentTokens(text: string): string[] {
  const known = rememberedTokens.get(text);
  if (known !== undefined) {
    // Most recently used last: the first key is the one to forget.
    rememberedTokens.delete(text);
    rememberedTokens.set(text, known);
    return [...known];
  }
  const tokens = tokenize(text).filter(isContentToken);
  if (text.length <= REMEMBERED_TEXT_LENGTH) {
    if (rememberedTokens.size >= REMEMBERED_TEXTS)
      rememberedTokens.delete(rememberedTokens.keys().next().value ?? '');
    rememberedTokens.set(text, tokens.slice());
  }
  return tokens;
}

/** Texts whose tokens are remembered, and the longest remembered (a passage or sentence, not a document). */
const REMEMBERED_TEXTS = 4_096;
const REMEMBERED_TEXT_LENGTH = 2_000;
const rememberedTokens = new Map<string, readonly string[]>();

/** How often each content token occurs in a text (unstemmed; insertion order = first occurrence). */
export function countContentTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    if (isContentToken(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * The stemmed content terms of a text, in order, with repeats: tokenised, stopwords and lone letters
 * removed, British spellings made American, stemmed ("Denuclearisation of the Peninsula" →
 * ["denuclear", "peninsula"]). Shared by lexical scoring, the hashed embedder and "which question terms
 * do the sheets cover" checks, so that all three agree on what a term is.
 */
export function contentTerms(text: string): string[] {
  return contentTokens(text).map(stem);
}
