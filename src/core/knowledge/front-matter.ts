import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';

import { KnowledgeError } from './knowledge-error.js';

/** One `key: value` of the front matter, with the file line it is on. */
export interface FrontMatterField {
  readonly value: unknown;
  readonly line: number;
}

/** A knowledge file cut into its YAML front matter and its body. */
export interface SplitKnowledgeFile {
  readonly fields: ReadonlyMap<string, FrontMatterField>;
  /** Line of the opening `---`: always 1, since front matter must open the file. */
  readonly frontMatterLine: number;
  /** The body's lines, as in the file (line endings removed). */
  readonly bodyLines: readonly string[];
  /** 1-based file line of `bodyLines[0]`. */
  readonly bodyFirstLine: number;
}

const DELIMITER = /^---[ \t]*$/;

/**
 * Splits a knowledge file into front matter (YAML between two `---` lines at the top) and body, and
 * parses the YAML. Comments in the YAML are allowed; everything else in it must be `key: value`.
 * @throws KnowledgeError for missing or unterminated front matter and for invalid YAML, naming the line.
 */
export function splitFrontMatter(file: string, text: string): SplitKnowledgeFile {
  const lines = text.split(/\r?\n/);
  if (!DELIMITER.test(lines[0] ?? '')) {
    throw new KnowledgeError(
      file,
      1,
      `missing front matter: the file must start with a '---' line, then YAML fields, then another '---' line`,
    );
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closingIndex === -1) {
    throw new KnowledgeError(
      file,
      1,
      `unterminated front matter: the '---' on this line is never closed by another '---' line`,
    );
  }
  const yamlFirstLine = 2;
  const fields = parseFields(file, lines.slice(1, closingIndex).join('\n'), yamlFirstLine);
  return {
    fields,
    frontMatterLine: 1,
    bodyLines: lines.slice(closingIndex + 1),
    bodyFirstLine: closingIndex + 2,
  };
}

function parseFields(file: string, yamlText: string, yamlFirstLine: number): Map<string, FrontMatterField> {
  const lineCounter = new LineCounter();
  // The core schema keeps `2019-05-25` a string (no YAML 1.1 timestamps); duplicate keys are errors.
  const document = parseDocument(yamlText, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: true,
  });
  const fileLine = (offset: number): number => yamlFirstLine - 1 + lineCounter.linePos(offset).line;

  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const line =
      firstError.linePos === undefined
        ? fileLine(firstError.pos[0])
        : yamlFirstLine - 1 + firstError.linePos[0].line;
    const reason = (firstError.message.split('\n')[0] ?? firstError.code).replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    throw new KnowledgeError(file, line, `invalid YAML in front matter: ${reason}`, { cause: firstError });
  }

  const fields = new Map<string, FrontMatterField>();
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return fields;
  if (!isMap(contents)) {
    throw new KnowledgeError(
      file,
      fileLine(contents.range?.[0] ?? 0),
      'front matter must be YAML `key: value` lines',
    );
  }
  for (const pair of contents.items) {
    const key = pair.key;
    const line = fileLine(isScalar(key) ? (key.range?.[0] ?? 0) : 0);
    if (!isScalar(key) || typeof key.value !== 'string') {
      throw new KnowledgeError(file, line, 'front matter keys must be plain names such as `title`');
    }
    const value = pair.value;
    fields.set(key.value, {
      value: isScalar(value) ? value.value : isNode(value) ? value.toJSON() : value,
      line,
    });
  }
  return fields;
}
