/**
 * 32-bit string hash for feature hashing: FNV-1a over UTF-16 code units, then the MurmurHash3 finaliser so
 * that every output bit depends on every input character (FNV alone leaves the low bits weak, and the
 * bucket is taken modulo an arbitrary dimension count). Deterministic across runs and platforms.
 */
export function hashString(text: string, seed: number, start = 0, end = text.length): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
