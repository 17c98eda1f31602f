import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary, loadGlossaryIfPresent } from '../../../src/core/language/load-glossary.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-glossary-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadGlossaryIfPresent', () => {
  it('GIVEN the shipped knowledge folder THEN its glossary loads', async () => {
    const glossary = await loadGlossaryIfPresent('knowledge');
    expect(glossary?.entries.length).toBeGreaterThan(500);
  });

  it('GIVEN a knowledge folder of English sheets only THEN there is no glossary, and no error', async () => {
    expect(await loadGlossaryIfPresent(dir)).toBeUndefined();
  });

  it('GIVEN a broken glossary THEN it still fails, naming the file and line', async () => {
    await mkdir(join(dir, 'glossary'), { recursive: true });
    await writeFile(join(dir, 'glossary', 'ja.tsv'), 'ja\ten\tkind\n令和\t\tterm\n');
    await expect(loadGlossaryIfPresent(dir)).rejects.toMatchObject({
      message: expect.stringContaining('glossary/ja.tsv:2'),
    });
    await expect(loadGlossary(dir)).rejects.toMatchObject({ code: 'KNOWLEDGE_INVALID' });
  });
});
