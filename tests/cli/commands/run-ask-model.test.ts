import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runAsk } from '../../../src/cli/commands/run-ask.js';
import { createKizuna } from '../../../src/core/create-kizuna.js';
import { formatFallbackNote } from '../../../src/core/models/fallback-reason.js';
import {
  openAiError,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../../support/fake-model-servers/index.js';
import { harness } from '../support/cli-harness.js';

let indexDir: string;
let server: FakeOpenAiServer;

beforeEach(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'kizuna-cli-model-'));
  // Every chat completion fails as a broken model server would.
  server = await startFakeOpenAiServer({ reply: () => openAiError(500, 'The server had an error') });
});
afterEach(async () => {
  await server.close();
  await rm(indexDir, { recursive: true, force: true });
});

/** `npm run ask` with the REAL core, `ANSWER_PROVIDER=openai` and `OPENAI_BASE_URL` at the fake server. */
function askAgainstModel(argv: string[]) {
  return harness({
    argv,
    createCore: (options) => createKizuna(options),
    env: {
      KNOWLEDGE_DIR: 'knowledge',
      PROMPTS_DIR: 'prompts',
      INDEX_DIR: indexDir,
      LOG_LEVEL: 'silent',
      ANSWER_PROVIDER: 'openai',
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'sk-test',
      MODEL_TIMEOUT_MS: '1000',
    },
  });
}

describe('ask with a model answerer whose server returns HTTP 500', () => {
  it('GIVEN human output THEN it prints the offline answer, its sources, and the fallback note', async () => {
    const { deps, stdout } = askAgainstModel(['What does Reiwa mean?']);
    expect(await runAsk(deps)).toBe(0);
    const output = stdout.text();
    expect(output).toContain('beautiful harmony');
    expect(output).toContain('Sources');
    expect(output.trimEnd().split('\n\n').at(-1)).toMatch(/^Answered from the fact sheets directly: .+\.$/u);
    expect(server.requests.some((request) => request.path === '/v1/chat/completions')).toBe(true);
  });

  it('GIVEN --json THEN answerer and fallbackReason say the offline answer stood in, and why', async () => {
    const { deps, stdout } = askAgainstModel(['--json', 'What does Reiwa mean?']);
    expect(await runAsk(deps)).toBe(0);
    const parsed = JSON.parse(stdout.text()) as { answerer: string; fallbackReason?: string; answer: string };
    expect(parsed.answerer).toBe('extractive');
    expect(parsed.fallbackReason).toEqual(expect.any(String));
    expect(parsed.answer).toContain('beautiful harmony');
    expect(formatFallbackNote(parsed.fallbackReason!)).not.toMatch(/sk-test|127\.0\.0\.1/u);
  });
});
