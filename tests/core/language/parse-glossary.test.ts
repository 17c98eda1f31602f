import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { listKnowledgeFiles, loadKnowledge } from '../../../src/core/knowledge/load-knowledge.js';
import { KnowledgeError } from '../../../src/core/knowledge/knowledge-error.js';
import { JAPANESE_GLOSSARY_PATH, loadGlossary } from '../../../src/core/language/load-glossary.js';
import { parseGlossary } from '../../../src/core/language/parse-glossary.js';

const HEAD = '# source: written for a test\n# licence: CC0-1.0\nja\ten\tkind\n';

function problem(text: string): string {
  try {
    parseGlossary('glossary/ja.tsv', text);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the glossary to be rejected');
}

describe('parseGlossary', () => {
  it('GIVEN a well-formed file THEN it reads entries, source and licence, NFKC-normalising the Japanese', () => {
    const glossary = parseGlossary(
      'glossary/ja.tsv',
      `${HEAD}安倍首相\tPrime Minister Abe\tperson\nＦ-35戦闘機\tF-35 jet\tterm\n`,
    );
    expect(glossary.source).toBe('written for a test');
    expect(glossary.licence).toBe('CC0-1.0');
    expect(glossary.byJapanese.get('安倍首相')).toMatchObject({
      en: 'Prime Minister Abe',
      kind: 'person',
      line: 4,
    });
    expect(glossary.byJapanese.has('F-35戦闘機')).toBe(true);
    expect(glossary.longestTerm).toBe(7);
  });

  it('GIVEN an empty English side THEN the error names file and line', () => {
    expect(problem(`${HEAD}安倍\t\tperson\n`)).toBe('glossary/ja.tsv:4: the English side of "安倍" is empty');
  });

  it('GIVEN an empty Japanese side THEN the error names the line', () => {
    expect(problem(`${HEAD}\tAbe\tperson\n`)).toBe('glossary/ja.tsv:4: the Japanese side is empty');
  });

  it('GIVEN a Japanese term listed twice THEN the error names both lines', () => {
    expect(problem(`${HEAD}安倍\tAbe\tperson\n\n安倍\tShinzo Abe\tperson\n`)).toBe(
      'glossary/ja.tsv:6: "安倍" is already listed at line 4; list each Japanese term once',
    );
  });

  it('GIVEN a line that is not three tab-separated fields THEN it is a format error', () => {
    expect(problem(`${HEAD}安倍 Abe person\n`)).toMatch(
      /^glossary\/ja\.tsv:4: expected 3 tab-separated fields/,
    );
    expect(problem(`${HEAD}安倍\tAbe\tperson\textra\n`)).toMatch(/found 4$/);
  });

  it('GIVEN swapped columns, a non-English side or an unknown kind THEN each is rejected', () => {
    expect(problem(`${HEAD}Abe\t安倍\tperson\n`)).toMatch(/:4: "Abe" has no Japanese character/);
    expect(problem(`${HEAD}安倍\tアベ\tperson\n`)).toMatch(
      /:4: the English side of "安倍" \("アベ"\) must be plain English/,
    );
    expect(problem(`${HEAD}安倍\tAbe\tpeople\n`)).toMatch(/:4: unknown kind "people"/);
  });

  it('GIVEN no source or licence line, or no header THEN the file is rejected', () => {
    expect(problem('# licence: MIT\nja\ten\tkind\n安倍\tAbe\tperson\n')).toMatch(
      /^glossary\/ja\.tsv: no "# source: …" line/,
    );
    expect(problem('# source: us\nja\ten\tkind\n安倍\tAbe\tperson\n')).toMatch(/no "# licence: …" line/);
    expect(problem('# source: us\n# licence: MIT\n安倍\tAbe\tperson\n')).toMatch(/:3: expected the header/);
    expect(problem(HEAD)).toMatch(/has no entries/);
  });
});

describe('loadGlossary', () => {
  it('GIVEN the real knowledge folder THEN knowledge/glossary/ja.tsv loads, with its provenance recorded', async () => {
    const glossary = await loadGlossary('knowledge');
    expect(glossary.file).toBe(JAPANESE_GLOSSARY_PATH);
    expect(glossary.source).toMatch(/written for Kizuna/);
    expect(glossary.licence).toMatch(/CC0-1\.0/);
    expect(glossary.entries.length).toBeGreaterThan(500);
  });

  it('GIVEN a folder without a glossary THEN the error names the glossary file', async () => {
    await expect(loadGlossary(await mkdtemp(join(tmpdir(), 'kizuna-glossary-')))).rejects.toThrow(
      /^glossary\/ja\.tsv: cannot read the glossary/,
    );
  });

  it('GIVEN a glossary beside the fact sheets THEN the knowledge loader neither reads nor fingerprints it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kizuna-glossary-'));
    const sheet = await readFile('knowledge/2019-05-25-us-japan-partnership.md');
    await writeFile(join(dir, 'sheet.md'), sheet);
    const before = await loadKnowledge(dir);
    await mkdir(join(dir, 'glossary'));
    await writeFile(join(dir, 'glossary', 'ja.tsv'), `${HEAD}安倍\tAbe\tperson\n`);
    await writeFile(join(dir, 'glossary', 'README.md'), '# not a fact sheet\n');
    expect(await listKnowledgeFiles(dir)).toEqual(['sheet.md']);
    expect((await loadKnowledge(dir)).fingerprint).toBe(before.fingerprint);
  });
});
