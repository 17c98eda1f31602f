import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  benchKnowledgeFolder,
  readShippedKnowledge,
  type ShippedKnowledge,
} from '../../bench/bench-knowledge.js';
import { parseKnowledgeFiles, writeKnowledgeFiles } from '../../bench/knowledge-files.js';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge.js';
import { loadGlossaryIfPresent } from '../../src/core/language/load-glossary.js';
import { loadAliases } from '../../src/core/question/load-aliases.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/** The shipped alias files, as `loadAliases` picks them. */
async function shippedAliasFiles(): Promise<string[]> {
  return (await readdir(join(KNOWLEDGE_DIR, 'aliases'))).filter((name) => /\.ya?ml$/i.test(name)).sort();
}

describe('the knowledge folders the bench measures', () => {
  let shipped: ShippedKnowledge;
  let dir: string;
  beforeAll(async () => {
    shipped = await readShippedKnowledge(KNOWLEDGE_DIR);
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kizuna-bench-knowledge-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reads the shipped aliases and glossary beside the sheets', async () => {
    const aliases = await shippedAliasFiles();
    expect(aliases.length).toBeGreaterThan(0);
    const names = shipped.lexicon.map((file) => file.name);
    for (const name of aliases) expect(names).toContain(`aliases/${name}`);
    expect(names).toContain('glossary/ja.tsv');
    expect(shipped.sheets.every((file) => !file.name.includes('/'))).toBe(true);
  });

  for (const size of ['real', 1_500] as const) {
    describe(`at ${size === 'real' ? 'the real sheets' : `${size} passages`}`, () => {
      it('holds every shipped alias file and the glossary, byte for byte', async () => {
        await writeKnowledgeFiles(dir, benchKnowledgeFolder(shipped, size, 7).files);
        const aliases = await shippedAliasFiles();
        expect((await readdir(join(dir, 'aliases'))).sort()).toEqual(
          (await readdir(join(KNOWLEDGE_DIR, 'aliases'))).sort(),
        );
        for (const name of [...aliases.map((alias) => `aliases/${alias}`), 'glossary/ja.tsv']) {
          expect((await readFile(join(dir, name))).equals(await readFile(join(KNOWLEDGE_DIR, name)))).toBe(
            true,
          );
        }
      });

      it("gives the product's loaders the same aliases and glossary as the shipped folder", async () => {
        await writeKnowledgeFiles(dir, benchKnowledgeFolder(shipped, size, 7).files);
        const aliases = await loadAliases(join(dir, 'aliases'));
        expect(aliases.entries.length).toBeGreaterThan(0);
        expect(aliases).toEqual(await loadAliases(join(KNOWLEDGE_DIR, 'aliases')));
        const glossary = await loadGlossaryIfPresent(dir);
        expect(glossary).toBeDefined();
        expect(glossary).toEqual(await loadGlossaryIfPresent(KNOWLEDGE_DIR));
      });

      it('leaves the sheets, their fingerprint and the edited sheet as they were', async () => {
        const folder = benchKnowledgeFolder(shipped, size, 7);
        await writeKnowledgeFiles(dir, folder.files);
        const sheets = folder.files.filter((file) => !file.name.includes('/'));
        expect(await loadKnowledge(dir)).toEqual(parseKnowledgeFiles(sheets));
        expect(folder.editFile).toBe(sheets[sheets.length - 1]!.name);
        if (size === 'real') expect(sheets).toEqual(shipped.sheets);
        else expect(folder.editFile).toMatch(/^synthetic-/);
      });
    });
  }
});
