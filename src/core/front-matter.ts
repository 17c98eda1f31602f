import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';

/**
 * A file's front matter cannot be read: missing, never closed, not YAML, or not `key: value` lines. Callers
 * turn it into their own error (a knowledge file's `KnowledgeError`, a prompt file's `PROMPT_INVALID`), so
 * the message names the file their way and keeps this line.
 */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
  constructor(
    /** 1-based line of the file at fault. */
    readonly line: number,
    /** What is wrong, for a person, without the line (e.g. "missing front matter: …"). */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`line ${line}: ${problem}`, options);
  }
}

/** One `key: value` of the front matter, with the file line it is on. */
export interface FrontMatterField {
  readonly value: unknown;
  readonly line: number;
}

/** A file cut into its YAML front matter and its body. */
export interface SplitFrontMatterFile {
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
 * Splits a file into front matter (YAML between two `---` lines at the top) and body, and parses the YAML:
 * the one splitter for knowledge files (`knowledge/*.md`) and prompt files (`prompts/*.md`). Comments in
 * the YAML are allowed; everything else in it must be `key: value`. Lines end in `\n` or `\r\n`.
 * @throws FrontMatterError for missing or unterminated front matter, invalid YAML (duplicate keys included)
 *   and front matter that is not `key: value` lines, with the file line at fault.
 */
export function splitFrontMatter(text: string): SplitFrontMatterFile {
  const lines = text.split(/\r?\n/);
  if (!DELIMITER.test(lines[0] ?? '')) {
    throw new FrontMatterError(
      1,
      `missing front matter: the file must start with a '---' line, then YAML fields, then another '---' line`,
    );
  }
  const closingIndex = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (closingIndex === -1) {
    throw new FrontMatterError(
      1,
      `unterminated front matter: the '---' on this line is never closed by another '---' line`,
    );
  }
  const yamlFirstLine = 2;
  const fields = parseFields(lines.slice(1, closingIndex).join('\n'), yamlFirstLine);
  return {
    fields,
    frontMatterLine: 1,
    bodyLines: lines.slice(closingIndex + 1),
    bodyFirstLine: closingIndex + 2,
  };
}

function parseFields(yamlText: string, yamlFirstLine: number): Map<string, FrontMatterField> {
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
    throw new FrontMatterError(line, `invalid YAML in front matter: ${reason}`, { cause: firstError });
  }

  const fields = new Map<string, FrontMatterField>();
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return fields;
  if (!isMap(contents)) {
    throw new FrontMatterError(
      fileLine(contents.range?.[0] ?? 0),
      'front matter must be YAML `key: value` lines',
    );
  }
  for (const pair of contents.items) {
    const key = pair.key;
    const line = fileLine(isScalar(key) ? (key.range?.[0] ?? 0) : 0);
    if (!isScalar(key) || typeof key.value !== 'string') {
      throw new FrontMatterError(line, 'front matter keys must be plain names such as `title`');
    }
    const value = pair.value;
    fields.set(key.value, {
      value: isScalar(value) ? value.value : isNode(value) ? value.toJSON() : value,
      line,
    });
  }
  return fields;
}
