import { parseFString } from '@langchain/core/prompts';

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
 * Lists the placeholders of an f-string template, parsed by LangChain's own f-string parser (the one its
 * `ChatPromptTemplate` renders with: `{name}` is a placeholder, `{{` and `}}` are literal braces), one line
 * at a time so each problem is reported on its file line. Stricter than LangChain on two points, so a stray
 * brace is reported where it is instead of becoming a surprising variable: a placeholder never spans lines,
 * and its name is an identifier (`{passages}`, not `{ passages }` or `{"a": 1}`).
 *
 * @param firstLine - the file line the template starts on, so reported lines match the file.
 * @throws TemplateSyntaxError with the line of an unclosed `{`, a single `}` or a name that is no identifier.
 */
export function findPlaceholders(template: string, firstLine = 1): PlaceholderUse[] {
  return template.split('\n').flatMap((text, offset) => {
    const line = firstLine + offset;
    let nodes: ReturnType<typeof parseFString>;
    try {
      nodes = parseFString(text);
    } catch (error) {
      throw new TemplateSyntaxError(line, describeBraceError(error));
    }
    return nodes.flatMap((node) => {
      if (node.type !== 'variable') return [];
      if (!PLACEHOLDER_NAME.test(node.name)) {
        throw new TemplateSyntaxError(
          line,
          `'{${node.name}}' is not a valid placeholder (write {{ and }} for literal braces)`,
        );
      }
      return [{ name: node.name, line }];
    });
  });
}

/** LangChain's two brace errors ("Unclosed '{' in template.", "Single '}' in template."), saying the fix. */
function describeBraceError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unclosed/i.test(message)) return "'{' is never closed (write {{ for a literal brace)";
  if (/single/i.test(message)) return "single '}' (write }} for a literal brace)";
  return `${message} (write {{ and }} for literal braces)`;
}
