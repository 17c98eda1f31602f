import { createHash } from 'node:crypto';

/**
 * A deterministic unit vector for a text: the same text always gets the same vector, different texts
 * (almost surely) different ones. Stands in for a real embeddings model in fake servers.
 */
export function fakeVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2) {
      values.push(digest.readUInt16BE(i) / 32_767.5 - 1);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

/** Encodes a vector the way the OpenAI API does for `encoding_format: "base64"` (little-endian float32). */
export function toBase64Float32(vector: readonly number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => buffer.writeFloatLE(value, index * 4));
  return buffer.toString('base64');
}
