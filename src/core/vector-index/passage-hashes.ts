import { createHash } from 'node:crypto';

import type { Passage } from '../types.js';

/** The vector-cache key of a text: sha256 of its UTF-8 bytes, hex. Same text, same vector, whatever the passage. */
export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 over every field of every passage, in order. Any change (a new passage, an edit, a moved section)
 * changes it, so a saved index is only reused for exactly the passages it was built from.
 */
export function fingerprintPassages(passages: readonly Passage[]): string {
  const hash = createHash('sha256');
  // Hashed a few hundred passages at a time: one update per passage costs more than the hashing itself at
  // 100,000 passages. The bytes hashed, and so the digest, are the same.
  let chunk = '';
  passages.forEach((passage, i) => {
    // JSON of a fixed-order tuple keeps field boundaries unambiguous.
    chunk += `${JSON.stringify([
      passage.id,
      passage.documentId,
      passage.section,
      passage.kind,
      passage.position,
      passage.line,
      passage.text,
    ])}\n`;
    if (i % FINGERPRINT_CHUNK === FINGERPRINT_CHUNK - 1) {
      hash.update(chunk);
      chunk = '';
    }
  });
  hash.update(chunk);
  return hash.digest('hex');
}

const FINGERPRINT_CHUNK = 512;
