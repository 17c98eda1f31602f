import type { Passage, PassageKind } from '../types.js';

/**
 * `passages.json`: the indexed passages in label order, one JSON array per passage instead of an object, so
 * 100,000 passages parse quickly and HNSWLib's docstore only needs to hold ids.
 */
const FIELDS = ['id', 'documentId', 'section', 'kind', 'position', 'line', 'text'] as const;
const KINDS: ReadonlySet<string> = new Set<PassageKind>(['opening-quote', 'section-summary', 'bullet']);

export function encodePassages(passages: readonly Passage[]): string {
  const rows = passages.map((p) => [p.id, p.documentId, p.section, p.kind, p.position, p.line, p.text]);
  return JSON.stringify({ fields: FIELDS, rows });
}

/**
 * Parses `passages.json`; throws an Error naming the first problem when it is not a valid passage list.
 * Checked by hand rather than with a schema: a schema costs about a second per 100,000 rows.
 */
export function decodePassages(text: string): Passage[] {
  const file: unknown = JSON.parse(text);
  const fields: unknown = isRecord(file) ? file.fields : undefined;
  const rows: unknown = isRecord(file) ? file.rows : undefined;
  if (!Array.isArray(fields) || !Array.isArray(rows)) {
    throw new Error('passages.json is invalid: expected { fields, rows }');
  }
  if (fields.length !== FIELDS.length || FIELDS.some((field, i) => fields[i] !== field)) {
    throw new Error(`passages.json is invalid: expected fields ${FIELDS.join(', ')}`);
  }
  return rows.map((row: unknown, index: number): Passage => {
    if (!Array.isArray(row) || row.length !== FIELDS.length) {
      throw new Error(`passages.json is invalid: row ${index} is not a ${FIELDS.length}-field array`);
    }
    const [id, documentId, section, kind, position, line, passageText] = row as unknown[];
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      typeof documentId !== 'string' ||
      typeof section !== 'string' ||
      typeof kind !== 'string' ||
      !KINDS.has(kind) ||
      !isCount(position) ||
      !isCount(line) ||
      typeof passageText !== 'string'
    ) {
      throw new Error(`passages.json is invalid: row ${index} has a field of the wrong type`);
    }
    return { id, documentId, section, kind: kind as PassageKind, position, line, text: passageText };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
