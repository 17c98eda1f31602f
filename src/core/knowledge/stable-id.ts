import { createHash } from 'node:crypto';

/** How many hex digits of the text's sha256 an id keeps: 48 bits, plenty for a few hundred passages. */
export const STABLE_ID_HASH_LENGTH = 12;

/** sha256 of a UTF-8 string, as lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Gives every text in a document a stable id: `${documentId}#${kindPrefix}${first 12 hex of sha256(text)}`.
 * Ids depend only on the text, so editing one passage never renames another; the second and later
 * occurrences of the same text in a document get `-2`, `-3`, … in document order.
 */
export function createStableIdAssigner(documentId: string, kindPrefix = ''): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = `${documentId}#${kindPrefix}${sha256Hex(text).slice(0, STABLE_ID_HASH_LENGTH)}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return occurrence === 1 ? base : `${base}-${occurrence}`;
  };
}
