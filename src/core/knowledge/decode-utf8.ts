import { KnowledgeError } from './knowledge-error.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a knowledge file as strict UTF-8 (a leading BOM is dropped), refusing anything else rather
 * than letting replacement characters slip into text that citations quote verbatim.
 * @throws KnowledgeError naming the line of the first invalid byte.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = offset === undefined ? undefined : lineOfByte(bytes, offset);
    const where =
      offset === undefined ? '' : ` (first invalid byte 0x${hex(bytes[offset] ?? 0)} at byte ${offset})`;
    throw new KnowledgeError(file, line, `not valid UTF-8${where}; save the file as UTF-8`, { cause: error });
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, if any. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const length = wellFormedSequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return undefined;
}

/** Length of the well-formed sequence at `index` (Unicode table 3-7), or 0 when it is ill-formed. */
function wellFormedSequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead <= 0x7f) return 1;
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) secondMin = 0xa0; // overlong
    if (lead === 0xed) secondMax = 0x9f; // surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) secondMin = 0x90; // overlong
    if (lead === 0xf4) secondMax = 0x8f; // beyond U+10FFFF
  } else return 0;
  for (let k = 1; k < length; k += 1) {
    const byte = bytes[index + k];
    if (byte === undefined) return 0;
    const min = k === 1 ? secondMin : 0x80;
    const max = k === 1 ? secondMax : 0xbf;
    if (byte < min || byte > max) return 0;
  }
  return length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
