import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
const ALIAS_DIR = join(KNOWLEDGE_DIR, 'aliases');
const HEADER = 'source: written for Kizuna\nlicence: MIT\n';

let temporary: string | undefined;
afterEach(async () => {
  if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
  temporary = undefined;
});

async function folderWith(files: Record<string, string>): Promise<string> {
  temporary = await mkdtemp(join(tmpdir(), 'kizuna-aliases-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(temporary, name), text);
  return temporary;
}

describe('loadAliases', () => {
  it("loads the shipped alias file, and every term it names is in the fact sheets' words", async () => {
    const [table, knowledge] = await Promise.all([loadAliases(ALIAS_DIR), loadKnowledge(KNOWLEDGE_DIR)]);
    expect(table.entries.length).toBeGreaterThan(10);
    const sheets = knowledge.passages.map((passage) => passage.text).join('\n');
    for (const entry of table.entries.filter((item) => item.file === 'en.yaml'))
      expect(sheets, entry.term).toContain(entry.term);
  });

  it('loads the shipped phrase file: each expression is several words (or a closed compound) read as a plain word', async () => {
    const table = await loadAliases(ALIAS_DIR);
    const phrases = table.entries.filter((item) => item.file === 'en-phrases.yaml');
    expect(phrases.length).toBeGreaterThan(100);
    for (const entry of phrases) {
      expect(entry.term, entry.alias).toMatch(/^[a-z]+(?: [a-z]+)?$/);
      expect(entry.alias.toLowerCase(), entry.term).not.toBe(entry.term);
    }
    expect(phrases.filter((item) => !/[\s-]/.test(item.alias)).length).toBeLessThan(20);
  });

  it('loads the shipped chat spellings: none is a single letter, which would match inside names ("U.S.")', async () => {
    const table = await loadAliases(ALIAS_DIR);
    const spellings = table.entries.filter((item) => item.file === 'en-chat.yaml');
    expect(spellings.map((item) => item.alias)).toContain('wat');
    for (const entry of spellings) expect(entry.alias.length, entry.alias).toBeGreaterThan(1);
  });

  it('is beside the fact sheets without being one: the knowledge loader ignores the aliases folder', async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.documents.map((document) => document.file)).not.toContain('aliases');
    expect(knowledge.documents).toHaveLength(2);
  });

  it('reads every *.yaml and *.yml file in name order, and nothing else', async () => {
    const dir = await folderWith({
      'b.yml': `${HEADER}aliases:\n  - term: United Nations\n    aliases: [UN]\n`,
      'a.yaml': `${HEADER}aliases:\n  - term: North Korea\n    aliases: [DPRK]\n`,
      'notes.txt': 'not aliases',
    });
    const table = await loadAliases(dir);
    expect(table.entries.map((entry) => `${entry.file}:${entry.alias}`)).toEqual(['a.yaml:DPRK', 'b.yml:UN']);
  });

  it('GIVEN two files listing the same alias THEN it throws naming both places', async () => {
    const dir = await folderWith({
      'a.yaml': `${HEADER}aliases:\n  - term: North Korea\n    aliases: [DPRK]\n`,
      'b.yaml': `${HEADER}aliases:\n  - term: South Korea\n    aliases: [ROK, dprk]\n`,
    });
    await expect(loadAliases(dir)).rejects.toThrow('b.yaml:5: alias "dprk" is already listed in a.yaml:5');
  });

  it('GIVEN a file that is not UTF-8 THEN it throws naming the file', async () => {
    const dir = await folderWith({ 'a.yaml': '' });
    await writeFile(join(dir, 'a.yaml'), Buffer.from([0x73, 0x6f, 0xff, 0x0a]));
    await expect(loadAliases(dir)).rejects.toThrow(/^a\.yaml:1: not valid UTF-8/);
  });

  it('GIVEN no alias folder THEN there are no aliases', async () => {
    const dir = await folderWith({});
    expect((await loadAliases(join(dir, 'missing'))).entries).toEqual([]);
  });
});
