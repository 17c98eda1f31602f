import type { IncomingMessage } from 'node:http';
import { DiscordHttpError } from './discord-errors.js';
import type { UploadedFile } from './interactions.js';

/** A request body as the bot sent it: JSON (or multipart `payload_json`) plus uploaded files. */
export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

const invalidJson = (): DiscordHttpError =>
  new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');

/** Reads and parses a request body the way Discord accepts it (JSON or multipart/form-data). */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  try {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    throw invalidJson();
  }
}

function parseMultipart(raw: Buffer, contentType: string): ParsedBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw invalidJson();
  // latin1 maps bytes 1:1, so part lengths stay exact for binary files.
  const text = raw.toString('latin1');
  const parts = text.split(`--${marker}`).slice(1, -1);
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const part of parts) {
    const separator = part.indexOf('\r\n\r\n');
    if (separator === -1) continue;
    const headers = part.slice(0, separator);
    const content = part.slice(separator + 4, part.endsWith('\r\n') ? -2 : undefined);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name === 'payload_json') {
      try {
        body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
      } catch {
        throw invalidJson();
      }
    } else if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      files.push({
        field: name,
        filename: Buffer.from(filename, 'latin1').toString('utf8'),
        contentType: type,
        size: content.length,
      });
    }
  }
  return { body, files };
}
