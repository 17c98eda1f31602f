import type { ChatPromptTemplate } from '@langchain/core/prompts';

import { KizunaError } from '../errors.js';
import {
  FrontMatterError,
  splitFrontMatter,
  type FrontMatterField,
  type SplitFrontMatterFile,
} from '../front-matter.js';
import { findPlaceholders, TemplateSyntaxError, type PlaceholderUse } from './find-placeholders.js';
import type { PromptAsset } from './prompt-asset.js';
import type { PromptSpec } from './prompt-specs.js';

type Role = 'system' | 'human' | 'ai';

/** `# System`, `# User` and `# Assistant` headings start the chat messages of a prompt file. */
const ROLE_HEADING = /^#[ \t]+(system|user|assistant)[ \t]*$/i;
const ROLE_BY_HEADING: Readonly<Record<string, Role>> = { system: 'system', user: 'human', assistant: 'ai' };

interface Section {
  readonly role: Role;
  readonly heading: string;
  readonly headingLine: number;
  /** 1-based file line of `text`'s first line. */
  readonly firstLine: number;
  readonly text: string;
}

interface FrontMatter {
  readonly name: string;
  readonly description: string;
  readonly variables: readonly string[];
}

/**
 * Parses and validates one prompt file: YAML front matter (`name`, `description`, `variables`) followed by
 * `# System` / `# User` (/ `# Assistant`) sections whose text is an f-string template.
 *
 * @throws KizunaError `PROMPT_INVALID` naming the file and the problem (with a line number when there is one).
 */
export function parsePromptFile(content: string, spec: PromptSpec, file: string): PromptAsset {
  const fail = (problem: string): never => {
    throw new KizunaError('PROMPT_INVALID', `Prompt file ${file}: ${problem}`);
  };

  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') fail('the file is empty');

  let split: SplitFrontMatterFile;
  try {
    split = splitFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message);
    throw error;
  }
  const frontMatter = readFrontMatter(split.fields, fail);
  checkDeclaredVariables(frontMatter, spec, fail);

  const { bodyLines, bodyFirstLine } = split;
  if (bodyLines.join('\n').trim() === '') fail('has no prompt text after the front matter');

  const sections = splitSections(bodyLines, bodyFirstLine, fail);
  const uses = sections.flatMap((section) => {
    try {
      return findPlaceholders(section.text, section.firstLine);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) return fail(error.message);
      throw error;
    }
  });
  checkPlaceholders(uses, frontMatter, spec, fail);

  const variables = [...new Set(uses.map((use) => use.name))];
  // Validation above is our own; LangChain's templates (slow to import) are only needed once a model answers.
  let template: ChatPromptTemplate | undefined;
  const buildTemplate = async () => {
    const { ChatPromptTemplate: Template } = await import('@langchain/core/prompts');
    return Template.fromMessages(
      sections.map((section) => [section.role, section.text] as [Role, string]),
      { templateFormat: 'f-string' },
    );
  };

  return {
    name: frontMatter.name,
    description: frontMatter.description,
    file,
    variables,
    async render(values) {
      const missing = variables.filter((variable) => typeof values[variable] !== 'string');
      if (missing.length > 0) {
        throw new Error(`Prompt ${frontMatter.name} needs values for: ${missing.join(', ')}`);
      }
      // Only the declared variables: LangChain would otherwise carry extra keys into the messages' metadata.
      const used = Object.fromEntries(variables.map((variable) => [variable, values[variable] as string]));
      template ??= await buildTemplate();
      return template.formatMessages(used);
    },
  };
}

function readFrontMatter(
  fields: ReadonlyMap<string, FrontMatterField>,
  fail: (problem: string) => never,
): FrontMatter {
  const name = fields.get('name')?.value;
  const description = fields.get('description')?.value;
  const variables = fields.get('variables')?.value;
  if (typeof name !== 'string' || name.trim() === '') return fail("the front matter needs a 'name'");
  if (typeof description !== 'string' || description.trim() === '')
    return fail("the front matter needs a 'description'");
  if (!Array.isArray(variables) || !variables.every((variable) => typeof variable === 'string')) {
    return fail(
      "the front matter needs 'variables': a list of the placeholders the prompt uses, e.g. [question, passages]",
    );
  }
  return { name: name.trim(), description: description.trim(), variables };
}

function checkDeclaredVariables(
  frontMatter: FrontMatter,
  spec: PromptSpec,
  fail: (problem: string) => never,
): void {
  if (frontMatter.name !== spec.name) {
    fail(`the front matter name is "${frontMatter.name}" but this file must hold the "${spec.name}" prompt`);
  }
  const supported = [...spec.required, ...spec.optional];
  for (const variable of frontMatter.variables) {
    if (!supported.includes(variable)) {
      fail(`the front matter declares unknown variable "${variable}" (supported: ${supported.join(', ')})`);
    }
  }
  for (const variable of spec.required) {
    if (!frontMatter.variables.includes(variable)) {
      fail(`the front matter must declare the required variable "${variable}"`);
    }
  }
}

function splitSections(
  bodyLines: readonly string[],
  bodyFirstLine: number,
  fail: (problem: string) => never,
): Section[] {
  const headings: { index: number; heading: string; role: Role }[] = [];
  bodyLines.forEach((line, index) => {
    const match = ROLE_HEADING.exec(line);
    const word = match?.[1]?.toLowerCase();
    if (word !== undefined)
      headings.push({ index, heading: line.trim(), role: ROLE_BY_HEADING[word] as Role });
  });
  if (headings.length === 0) return fail("has no '# System' or '# User' heading to start a message");

  const firstHeading = headings[0]?.index ?? 0;
  const strayIndex = bodyLines.slice(0, firstHeading).findIndex((line) => line.trim() !== '');
  if (strayIndex >= 0) {
    fail(`line ${bodyFirstLine + strayIndex}: text before the first '# System' or '# User' heading`);
  }

  return headings.map((heading, position) => {
    const end = headings[position + 1]?.index ?? bodyLines.length;
    const raw = bodyLines.slice(heading.index + 1, end);
    const leadingBlank = raw.findIndex((line) => line.trim() !== '');
    const headingLine = bodyFirstLine + heading.index;
    if (leadingBlank < 0) fail(`line ${headingLine}: the '${heading.heading}' section is empty`);
    return {
      role: heading.role,
      heading: heading.heading,
      headingLine,
      firstLine: headingLine + 1 + leadingBlank,
      text: raw.slice(leadingBlank).join('\n').trimEnd(),
    };
  });
}

function checkPlaceholders(
  uses: readonly PlaceholderUse[],
  frontMatter: FrontMatter,
  spec: PromptSpec,
  fail: (problem: string) => never,
): void {
  const supported = [...spec.required, ...spec.optional];
  for (const use of uses) {
    if (!supported.includes(use.name)) {
      fail(
        `line ${use.line}: unknown placeholder {${use.name}} (supported: ${supported.map((name) => `{${name}}`).join(', ')})`,
      );
    }
    if (!frontMatter.variables.includes(use.name)) {
      fail(`line ${use.line}: placeholder {${use.name}} is not listed in the front matter 'variables'`);
    }
  }
  const used = new Set(uses.map((use) => use.name));
  for (const variable of frontMatter.variables) {
    if (used.has(variable)) continue;
    if (spec.required.includes(variable))
      fail(`the required placeholder {${variable}} is missing from the prompt text`);
    fail(`the front matter declares {${variable}} but the prompt text never uses it`);
  }
}
