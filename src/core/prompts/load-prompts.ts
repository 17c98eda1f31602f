import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { KizunaError } from '../errors.js';
import { parsePromptFile } from './parse-prompt-file.js';
import type { PromptAsset, Prompts } from './prompt-asset.js';
import { ANSWER_PROMPT_SPEC, CONDENSE_QUESTION_PROMPT_SPEC, type PromptSpec } from './prompt-specs.js';

/**
 * Reads and validates every prompt Kizuna uses from `dir` (the `PROMPTS_DIR` setting), so a broken prompt
 * stops start-up with a clear message instead of failing on the first question.
 *
 * @throws KizunaError `PROMPT_INVALID` naming the file and the problem: missing or unreadable file, empty file,
 *   bad front matter, a required placeholder missing, or an unknown placeholder.
 */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const [answer, condenseQuestion] = await Promise.all([
    loadPrompt(dir, ANSWER_PROMPT_SPEC),
    loadPrompt(dir, CONDENSE_QUESTION_PROMPT_SPEC),
  ]);
  return { answer, condenseQuestion };
}

async function loadPrompt(dir: string, spec: PromptSpec): Promise<PromptAsset> {
  const file = join(dir, spec.file);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(error)})`;
    throw new KizunaError('PROMPT_INVALID', `Prompt file ${file}: ${problem}`, { cause: error });
  }
  return parsePromptFile(content, spec, file);
}
