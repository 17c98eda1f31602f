import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { groundReply, type GroundingResult } from '../grounding/ground-reply.js';

/** A draft's text after verification, with what had to go. */
export interface VerifiedDraft {
  readonly text: string;
  /** Sentences removed because their cited passage does not support them, with why. */
  readonly dropped: GroundingResult['dropped'];
}

/** Citation markers after a sentence: " [1]", " [1] [2]". (The sheets' own "[and]" is not one.) */
const MARKERS = /((?:\s*\[\d+\])+)/;

/**
 * Stage 6 of answering: every sentence of an answer must appear in, or be supported by, the passage it
 * cites. The offline answerer quotes the sheets, so its sentences are found verbatim and pass at once;
 * anything else (a model's wording) goes through the grounding check (src/core/grounding), which drops
 * what its cited passages do not support. Idempotent: verified text verifies unchanged.
 */
export function verifyDraft(
  text: string,
  passages: readonly RetrievedPassage[],
  readJapanese?: (text: string) => string,
): VerifiedDraft {
  if (isVerbatim(text, passages)) return { text, dropped: [] };
  const grounded = groundReply(text, passages, readJapanese === undefined ? {} : { readJapanese });
  return { text: grounded.answers ? grounded.text : '', dropped: grounded.dropped };
}

function isVerbatim(text: string, passages: readonly RetrievedPassage[]): boolean {
  // "sentence [1] sentence [2]" → ["sentence", " [1]", " sentence", " [2]", ""]
  const parts = text.trim().split(MARKERS);
  // Text after the last marker (an uncited sentence) is not verbatim by definition.
  if (parts.length < 3 || plain(parts.at(-1) ?? '') !== '') return false;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const sentence = plain(parts[i] ?? '');
    const markers = [...(parts[i + 1] ?? '').matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    const found = markers.some((marker) =>
      plain(passages[marker - 1]?.passage.text ?? '').includes(sentence),
    );
    if (sentence === '' || !found) return false;
  }
  return true;
}

function plain(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
