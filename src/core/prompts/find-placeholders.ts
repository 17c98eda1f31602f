/** A `{name}` found in a template, with the 1-based line it is on. */
export interface PlaceholderUse {
  readonly name: string;
  readonly line: number;
}

/** Why a template cannot be used as an f-string template. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Lists the placeholders of an f-string template following LangChain's grammar (`{name}` is a
 * placeholder, `{{` and `}}` are literal braces), but with line numbers and stricter names so that a
 * stray brace is reported where it is instead of becoming a surprising variable.
 *
 * @param firstLine - the file line the template starts on, so reported lines match the file.
 */
export function findPlaceholders(template: string, firstLine = 1): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  let line = firstLine;
  let i = 0;
  while (i < template.length) {
    const char = template[i];
    const next = template[i + 1];
    if (char === '\n') {
      line += 1;
      i += 1;
    } else if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      i += 2;
    } else if (char === '{') {
      const close = template.indexOf('}', i + 1);
      const lineEnd = template.indexOf('\n', i + 1);
      if (close < 0 || (lineEnd >= 0 && lineEnd < close)) {
        throw new TemplateSyntaxError(line, "'{' is never closed (write {{ for a literal brace)");
      }
      const name = template.slice(i + 1, close);
      if (!PLACEHOLDER_NAME.test(name)) {
        throw new TemplateSyntaxError(
          line,
          `'{${name}}' is not a valid placeholder (write {{ and }} for literal braces)`,
        );
      }
      uses.push({ name, line });
      i = close + 1;
    } else if (char === '}') {
      throw new TemplateSyntaxError(line, "single '}' (write }} for a literal brace)");
    } else {
      i += 1;
    }
  }
  return uses;
}
