import type { KnowledgeDocument } from '../types.js';
import type { FrontMatterField, SplitFrontMatterFile } from '../front-matter.js';
import { detachedString } from './detached-string.js';
import { formatDisplayDate, parsePartialIsoDate } from './iso-date.js';
import { KnowledgeError } from './knowledge-error.js';

/**
 * A fact sheet as described by its front matter. Beyond {@link KnowledgeDocument} it says whether the
 * title is the original one (the 2018 sheet's is descriptive, its original title being unknown).
 */
export interface LoadedKnowledgeDocument extends KnowledgeDocument {
  /**
   * False when `title` was written by us to describe the sheet because its original title is unknown.
   * @default true
   */
  readonly titleConfirmed: boolean;
}

/** Every field a knowledge file's front matter may have; anything else is refused rather than ignored. */
export const FRONT_MATTER_FIELDS = [
  'id',
  'title',
  'title_confirmed',
  'publisher',
  'date',
  'date_approximate',
  'display_date',
  'source',
] as const;

const REQUIRED = 'required: id, title, publisher, date';

/** Letters, digits, `.`, `_`, `-`: the id starts every passage id (`${id}#…`), so no `#` or spaces. */
const DOCUMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Validates front matter into a document description.
 * @throws KnowledgeError naming the line of the offending field (or of the opening `---` when one is missing).
 */
export function readDocumentFields(
  file: string,
  split: SplitFrontMatterFile,
): { document: LoadedKnowledgeDocument; idLine: number } {
  const { fields } = split;
  for (const [key, field] of fields) {
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(key)) {
      throw new KnowledgeError(
        file,
        field.line,
        `unknown front matter field "${key}" (known fields: ${FRONT_MATTER_FIELDS.join(', ')})`,
      );
    }
  }
  const required = (key: string): { text: string; line: number } => {
    const field = fields.get(key);
    if (field === undefined) {
      throw new KnowledgeError(
        file,
        split.frontMatterLine,
        `front matter has no "${key}" field (${REQUIRED})`,
      );
    }
    return { text: requireText(file, key, field), line: field.line };
  };
  const optionalText = (key: string): string | undefined => {
    const field = fields.get(key);
    return field === undefined ? undefined : requireText(file, key, field);
  };
  const optionalBoolean = (key: string, fallback: boolean): boolean => {
    const field = fields.get(key);
    if (field === undefined) return fallback;
    if (typeof field.value !== 'boolean') {
      throw new KnowledgeError(file, field.line, `front matter field "${key}" must be true or false`);
    }
    return field.value;
  };

  const id = required('id');
  if (!DOCUMENT_ID.test(id.text)) {
    throw new KnowledgeError(
      file,
      id.line,
      `document id "${id.text}" may only contain letters, digits, ".", "_" and "-"`,
    );
  }
  const title = required('title').text;
  const publisher = required('publisher').text;
  const date = readDate(file, fields.get('date'), split.frontMatterLine);
  const dateApproximate = optionalBoolean('date_approximate', false);
  const source = optionalText('source');
  const document: LoadedKnowledgeDocument = {
    id: id.text,
    title,
    publisher,
    date: date.text,
    dateApproximate,
    displayDate: optionalText('display_date') ?? formatDisplayDate(date.parsed, dateApproximate),
    ...(source === undefined ? {} : { source }),
    file,
    titleConfirmed: optionalBoolean('title_confirmed', true),
  };
  return { document, idLine: id.line };
}

function requireText(file: string, key: string, field: FrontMatterField): string {
  const text = typeof field.value === 'string' ? field.value.trim() : field.value;
  if (text === '' || text === null) {
    throw new KnowledgeError(file, field.line, `front matter field "${key}" is empty`);
  }
  if (typeof text !== 'string') {
    // e.g. `title: 1984` or `title: yes`, which YAML reads as a number or a boolean.
    throw new KnowledgeError(file, field.line, `front matter field "${key}" must be text; put it in quotes`);
  }
  // The document and every passage (its documentId) outlive the file's text: a copy, not a view into it.
  return detachedString(text);
}

function readDate(file: string, field: FrontMatterField | undefined, frontMatterLine: number) {
  if (field === undefined) {
    throw new KnowledgeError(file, frontMatterLine, `front matter has no "date" field (${REQUIRED})`);
  }
  // An unquoted `date: 2018` is a YAML number; it is still a perfectly good year.
  const text = Number.isInteger(field.value) ? String(field.value) : requireText(file, 'date', field);
  const parsed = parsePartialIsoDate(text);
  if (parsed === undefined) {
    throw new KnowledgeError(
      file,
      field.line,
      `date "${text}" is not an ISO date: write YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known`,
    );
  }
  return { text, parsed };
}
