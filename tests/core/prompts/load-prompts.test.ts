import { cp, mkdtemp, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { loadPrompts } from '../../../src/core/prompts/load-prompts.js';
import { ANSWER_PROMPT_SPEC, CONDENSE_QUESTION_PROMPT_SPEC } from '../../../src/core/prompts/prompt-specs.js';

const SHIPPED_PROMPTS = join(import.meta.dirname, '../../../prompts');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-prompts-'));
  await cp(SHIPPED_PROMPTS, dir, { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const answerFile = () => join(dir, ANSWER_PROMPT_SPEC.file);

async function editAnswer(edit: (text: string) => string): Promise<void> {
  const text = await readFile(answerFile(), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  await writeFile(answerFile(), edited);
}

const validAnswer = (frontMatterVariables: string, body: string) =>
  `---\nname: answer\ndescription: test prompt\nvariables: ${frontMatterVariables}\n---\n${body}`;

async function expectPromptInvalid(...fragments: (string | RegExp)[]): Promise<KizunaError> {
  const error = await loadPrompts(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KizunaError);
  const kizunaError = error as KizunaError;
  expect(kizunaError.code).toBe('PROMPT_INVALID');
  for (const fragment of fragments) expect(kizunaError.message).toMatch(fragment);
  return kizunaError;
}

describe('loadPrompts', () => {
  it('loads the shipped prompts with their names, descriptions and variables', async () => {
    const prompts = await loadPrompts(SHIPPED_PROMPTS);

    expect(prompts.answer.name).toBe('answer');
    expect(prompts.answer.description.length).toBeGreaterThan(10);
    expect([...prompts.answer.variables].sort()).toEqual(['history', 'passages', 'question', 'sentinel']);
    expect(prompts.condenseQuestion.name).toBe('condense-question');
    expect([...prompts.condenseQuestion.variables].sort()).toEqual(['history', 'question']);
  });

  it('renders the answer prompt into a system message and a user message', async () => {
    const prompts = await loadPrompts(SHIPPED_PROMPTS);
    const messages = await prompts.answer.render({
      passages: '[1] PASSAGE-TEXT',
      question: 'QUESTION-TEXT',
      history: 'HISTORY-TEXT',
      sentinel: 'SENTINEL-TEXT',
    });

    expect(messages.map((message) => message.constructor)).toEqual([SystemMessage, HumanMessage]);
    const [system, user] = messages.map((message) => message.text);
    expect(system).toContain('PASSAGE-TEXT');
    expect(system).toContain('SENTINEL-TEXT');
    expect(user).toContain('QUESTION-TEXT');
    expect(user).toContain('HISTORY-TEXT');
  });

  it('keeps braces inside values as data instead of treating them as placeholders', async () => {
    const prompts = await loadPrompts(SHIPPED_PROMPTS);
    const tricky = 'a {question} and {{escaped}} and a lone } brace {';
    const messages = await prompts.answer.render({
      passages: tricky,
      question: 'Q',
      history: '(none)',
      sentinel: 'S',
    });

    expect(messages[0]?.text).toContain(tricky);
  });

  it('refuses to render without a value for every placeholder', async () => {
    const prompts = await loadPrompts(SHIPPED_PROMPTS);

    await expect(prompts.condenseQuestion.render({ question: 'Q' })).rejects.toThrow(/history/);
  });

  it('supports an assistant section and literal braces written {{ }}', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\nUse {passages}; say {sentinel}. JSON looks like {{"a": 1}}.\n# User\nExample?\n# Assistant\nExample [1].\n# User\n{question}\n',
      ),
    );
    const prompts = await loadPrompts(dir);
    const messages = await prompts.answer.render({ passages: 'P', question: 'Q', sentinel: 'S' });

    expect(messages.map((message) => message.constructor)).toEqual([
      SystemMessage,
      HumanMessage,
      AIMessage,
      HumanMessage,
    ]);
    expect(messages[0]?.text).toBe('Use P; say S. JSON looks like {"a": 1}.');
  });

  it('refuses a missing prompt file, naming it', async () => {
    await unlink(join(dir, CONDENSE_QUESTION_PROMPT_SPEC.file));

    await expectPromptInvalid(CONDENSE_QUESTION_PROMPT_SPEC.file, /file not found/);
  });

  it('refuses an empty file, naming it', async () => {
    await writeFile(answerFile(), '  \n\n');

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /empty/);
  });

  it('refuses a file without front matter, at line 1', async () => {
    await writeFile(answerFile(), '# System\n{passages} {question} {sentinel}\n');

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /line 1: missing front matter/);
  });

  it('refuses front matter that is never closed', async () => {
    await writeFile(
      answerFile(),
      '---\nname: answer\ndescription: x\nvariables: [passages, question, sentinel]\n# System\n{passages}\n',
    );

    await expectPromptInvalid(/never closed/);
  });

  it('refuses front matter that is not valid YAML, naming its line', async () => {
    await editAnswer((text) => text.replace('name: answer', 'name: [answer'));

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /line \d+: invalid YAML in front matter/);
  });

  it('refuses front matter without a description', async () => {
    await writeFile(
      answerFile(),
      `---\nname: answer\nvariables: [passages, question, sentinel]\n---\n# System\n{passages} {question} {sentinel}\n`,
    );

    await expectPromptInvalid(/description/);
  });

  it('refuses a file holding a different prompt than its name says', async () => {
    const condense = await readFile(join(dir, CONDENSE_QUESTION_PROMPT_SPEC.file), 'utf8');
    await writeFile(answerFile(), condense);

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /"condense-question".*"answer"/);
  });

  it('refuses front matter with no prompt text after it', async () => {
    await writeFile(answerFile(), validAnswer('[passages, question, sentinel]', '\n\n'));

    await expectPromptInvalid(/no prompt text/);
  });

  it('refuses text before the first role heading, naming its line', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        'Stray words\n# System\n{passages} {question} {sentinel}\n',
      ),
    );

    await expectPromptInvalid(/line 6: text before the first/);
  });

  it('refuses a prompt without any role heading', async () => {
    await writeFile(
      answerFile(),
      validAnswer('[passages, question, sentinel]', '{passages} {question} {sentinel}\n'),
    );

    await expectPromptInvalid(/'# System' or '# User' heading/);
  });

  it('refuses an empty section, naming its line', async () => {
    await writeFile(
      answerFile(),
      validAnswer('[passages, question, sentinel]', '# System\n{passages} {question} {sentinel}\n# User\n\n'),
    );

    await expectPromptInvalid(/line 8: the '# User' section is empty/);
  });

  it('refuses a prompt whose text lacks a required placeholder', async () => {
    await editAnswer((text) => text.replace('{sentinel}', 'NOT FOUND'));

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /required placeholder \{sentinel\} is missing/);
  });

  it('refuses front matter that does not declare a required variable', async () => {
    await editAnswer((text) =>
      text.replace(
        'variables: [passages, question, history, sentinel]',
        'variables: [passages, question, history]',
      ),
    );

    await expectPromptInvalid(/must declare the required variable "sentinel"/);
  });

  it('refuses an unknown placeholder, naming it and its line', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\n{passages} {sentinel}\n# User\n{question} in {language}\n',
      ),
    );

    await expectPromptInvalid(ANSWER_PROMPT_SPEC.file, /line 9: unknown placeholder \{language\}/);
  });

  it('refuses an unknown variable declared in the front matter', async () => {
    await editAnswer((text) =>
      text.replace(
        'variables: [passages, question, history, sentinel]',
        'variables: [passages, question, history, sentinel, tone]',
      ),
    );

    await expectPromptInvalid(/unknown variable "tone"/);
  });

  it('refuses a supported placeholder the front matter does not declare', async () => {
    await editAnswer((text) =>
      text.replace(
        'variables: [passages, question, history, sentinel]',
        'variables: [passages, question, sentinel]',
      ),
    );

    await expectPromptInvalid(/placeholder \{history\} is not listed/);
  });

  it('refuses a declared optional variable the text never uses', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel, history]',
        '# System\n{passages} {sentinel}\n# User\n{question}\n',
      ),
    );

    await expectPromptInvalid(/declares \{history\} but the prompt text never uses it/);
  });

  it('refuses a stray brace, naming its line and how to write a literal one', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\n{passages} {sentinel}\n# User\n{question} {oops\n',
      ),
    );

    await expectPromptInvalid(/line 9: '\{' is never closed \(write \{\{/);
  });

  it('refuses a placeholder with spaces inside the braces', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\n{passages} {sentinel}\n# User\n{ question }\n',
      ),
    );

    await expectPromptInvalid(/'\{ question \}' is not a valid placeholder/);
  });

  it('refuses a single closing brace, naming its line and how to write a literal one', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\n{passages} {sentinel}\n# User\n{question} }\n',
      ),
    );

    await expectPromptInvalid(/line 9: single '\}' \(write \}\} for a literal brace\)/);
  });

  it('keeps doubled braces as literal text, not placeholders', async () => {
    await writeFile(
      answerFile(),
      validAnswer(
        '[passages, question, sentinel]',
        '# System\n{passages} {sentinel} {{"json": true}}\n# User\n{question}\n',
      ),
    );

    const prompts = await loadPrompts(dir);
    const [system] = await prompts.answer.render({ passages: 'P', sentinel: 'S', question: 'Q' });
    expect(system?.content).toBe('P S {"json": true}');
  });
});
