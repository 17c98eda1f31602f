import { createHash } from 'node:crypto';
import { endianness } from 'node:os';

import { z } from 'zod';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import { sameEmbedder } from './index-manifest.js';
import { VectorCache } from './vector-cache.js';

/**
 * Binary layout of `vectors.bin` (little-endian):
 *   8 bytes  magic "KZVECS01"
 *   4 bytes  uint32 length of the JSON header
 *   header   JSON {@link headerSchema}, then zero padding to a multiple of 4 bytes
 *   keys     count × 32 raw sha256 bytes, in row order
 *   vectors  count × dimensions float32
 * The header carries a sha256 of keys+vectors, so the file validates itself even without its manifest.
 */
const MAGIC = Buffer.from('KZVECS01', 'latin1');
const KEY_BYTES = 32;

const headerSchema = z.object({
  identity: z.object({
    id: z.string().min(1),
    dimensions: z.number().int().positive(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    fittedStateHash: z.string().optional(),
  }),
  count: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export function encodeVectorCache(cache: VectorCache): Buffer {
  assertLittleEndian();
  const { keys, data } = cache.rows();
  const keyBytes = Buffer.alloc(keys.length * KEY_BYTES);
  keys.forEach((key, row) => keyBytes.write(key, row * KEY_BYTES, KEY_BYTES, 'hex'));
  const vectorBytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const payloadSha256 = createHash('sha256').update(keyBytes).update(vectorBytes).digest('hex');
  const header = Buffer.from(
    JSON.stringify({ identity: cache.identity, count: keys.length, payloadSha256 }),
    'utf8',
  );
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);
  const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + header.length) % 4)) % 4);
  return Buffer.concat([MAGIC, headerLength, header, padding, keyBytes, vectorBytes]);
}

/**
 * Decodes `vectors.bin`. Returns undefined, before checking the payload, when `forIdentity` is given and the
 * vectors were made by a different embedder.
 * @throws Error naming the problem when the bytes are not a complete, intact cache.
 */
export function decodeVectorCache(bytes: Buffer, forIdentity?: EmbedderIdentity): VectorCache | undefined {
  assertLittleEndian();
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('not a Kizuna vector cache (bad magic)');
  }
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) throw new Error('vector cache header is truncated');
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)));
  } catch (error) {
    throw new Error(`vector cache header is invalid: ${(error as Error).message}`);
  }
  if (forIdentity !== undefined && !sameEmbedder(header.identity, forIdentity)) return undefined;
  const keysStart = headerStart + headerLength + ((4 - ((headerStart + headerLength) % 4)) % 4);
  const vectorsStart = keysStart + header.count * KEY_BYTES;
  const expectedLength = vectorsStart + header.count * header.identity.dimensions * 4;
  if (bytes.length !== expectedLength) {
    throw new Error(`vector cache is ${bytes.length} bytes, expected ${expectedLength}`);
  }
  const digest = createHash('sha256').update(bytes.subarray(keysStart)).digest('hex');
  if (digest !== header.payloadSha256) throw new Error('vector cache checksum mismatch');

  const keys = new Array<string>(header.count);
  for (let row = 0; row < header.count; row += 1) {
    keys[row] = bytes.toString('hex', keysStart + row * KEY_BYTES, keysStart + (row + 1) * KEY_BYTES);
  }
  // Copy into a fresh buffer: Float32Array needs 4-byte alignment and must not pin a pooled Buffer.
  const data = new Float32Array(header.count * header.identity.dimensions);
  new Uint8Array(data.buffer).set(bytes.subarray(vectorsStart));
  return VectorCache.fromRows(header.identity, keys, data);
}

function assertLittleEndian(): void {
  // The file stores Float32Array memory as is; a big-endian host would need byte swapping we do not implement.
  if (endianness() !== 'LE') throw new Error('the vector cache format requires a little-endian host');
}
