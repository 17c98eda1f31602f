import { z } from 'zod';

import type { Passage } from '../types.js';

/**
 * `passages.json`: the indexed passages in label order, one JSON array per passage instead of an object, so
 * 100,000 passages parse quickly and HNSWLib's docstore only needs to hold ids.
 */
const FIELDS = ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'] as const;

const rowSchema = z.tuple([
  z.string().min(1),
  z.string(),
  z.string(),
  z.enum(['opening-quote', 'section-summary', 'bullet']),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.string(),
]);

const fileSchema = z.object({
  fields: z
    .array(z.string())
    .refine((fields) => fields.length === FIELDS.length && fields.every((field, i) => field === FIELDS[i]), {
      message: `expected fields ${FIELDS.join(', ')}`,
    }),
  rows: z.array(rowSchema),
});

export function encodePassages(passages: readonly Passage[]): string {
  const rows = passages.map((p) => [p.id, p.documentId, p.section, p.kind, p.position, p.line, p.text]);
  return JSON.stringify({ fields: FIELDS, rows });
}

/** Parses `passages.json`; throws an Error naming the problem when it is not a valid passage list. */
export function decodePassages(text: string): Passage[] {
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`passages.json is invalid: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
  return parsed.data.rows.map(([id, documentId, section, kind, position, line, text]) => ({
    id,
    documentId,
    section,
    kind,
    position,
    line,
    text,
  }));
}
