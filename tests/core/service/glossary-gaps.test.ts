import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { createKizuna } from '../../../src/core/create-kizuna.js';
import { captureLogger } from '../../support/capture-logger.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-gaps-'));
  await cp('knowledge', join(dir, 'knowledge'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('words of the sheets the Japanese glossary does not reach', () => {
  it('GIVEN the shipped sheets THEN nothing is reported at start', async () => {
    const { logger, entries } = captureLogger();
    await createKizuna({
      config: loadConfig({ KNOWLEDGE_DIR: join(dir, 'knowledge'), INDEX_DIR: join(dir, 'index') }),
      logger,
    });
    expect(entries.some((entry) => String(entry.msg).includes('glossary has no entry'))).toBe(false);
  });

  it('GIVEN a reload that adds a passage with new words THEN they are listed for whoever added it', async () => {
    const { logger, entries } = captureLogger();
    const core = await createKizuna({
      config: loadConfig({ KNOWLEDGE_DIR: join(dir, 'knowledge'), INDEX_DIR: join(dir, 'index') }),
      logger,
    });
    const sheet = join(dir, 'knowledge', '2019-05-25-us-japan-partnership.md');
    await writeFile(
      sheet,
      `${await readFile(sheet, 'utf8')}\nBoth sides discussed zeppelins and marmalade.\n`,
    );
    await core.reload();
    const report = entries.find((entry) => String(entry.msg).includes('glossary has no entry'));
    expect(report?.terms).toEqual(expect.arrayContaining(['zeppelins', 'marmalade']));
  });
});
