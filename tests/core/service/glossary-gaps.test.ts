import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { createKizuna, GLOSSARY_GAPS_FILE } from '../../../src/core/create-kizuna.js';
import { glossaryGapsFile, glossaryGapsKey } from '../../../src/core/service/glossary-gaps.js';
import { TEXT_PIPELINE_VERSION } from '../../../src/core/text/content-terms.js';
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

describe('the glossary gap check costs nothing where it has nothing new to say', () => {
  async function freshCopy(): Promise<{ knowledge: string; index: string }> {
    const root = await mkdtemp(join(dir, 'copy-'));
    await cp('knowledge', join(root, 'knowledge'), { recursive: true });
    return { knowledge: join(root, 'knowledge'), index: join(root, 'index') };
  }
  const gapReports = (entries: Record<string, unknown>[]) =>
    entries.filter((entry) => String(entry.msg).includes('glossary has no entry'));
  const append = async (file: string, text: string) =>
    writeFile(file, `${await readFile(file, 'utf8')}\n${text}\n`);

  it('GIVEN a start with the same files as the start before THEN its remembered result is logged again', async () => {
    const folders = await freshCopy();
    await append(join(folders.knowledge, '2018-us-japan-friendship.md'), 'Both sides discussed zeppelins.');
    const config = loadConfig({ KNOWLEDGE_DIR: folders.knowledge, INDEX_DIR: folders.index });
    const first = captureLogger();
    await createKizuna({ config, logger: first.logger });
    const [report] = gapReports(first.entries);
    expect(report?.terms).toEqual(expect.arrayContaining(['zeppelins']));

    // The memo, not the passages, answers the second start: a planted result under the same key is what it logs.
    const memoPath = join(folders.index, GLOSSARY_GAPS_FILE);
    const memo = JSON.parse(await readFile(memoPath, 'utf8')) as {
      key: string;
      count: number;
      terms: string[];
    };
    expect(memo).toMatchObject({ count: report?.count, terms: report?.terms });
    await writeFile(memoPath, JSON.stringify({ ...memo, count: 1, terms: ['remembered'] }));
    const second = captureLogger();
    await createKizuna({ config, logger: second.logger });
    expect(gapReports(second.entries).map((entry) => entry.terms)).toEqual([['remembered']]);

    // Another sheet edit is another key: the passages are read again.
    await append(join(folders.knowledge, '2018-us-japan-friendship.md'), 'And marmalade.');
    const third = captureLogger();
    await createKizuna({ config, logger: third.logger });
    expect(gapReports(third.entries)[0]?.terms).toEqual(expect.arrayContaining(['zeppelins', 'marmalade']));
  });

  it('GIVEN a reload that changes one sheet THEN only that sheet’s new words are listed, and nothing with no change', async () => {
    const folders = await freshCopy();
    const { logger, entries } = captureLogger();
    const core = await createKizuna({
      config: loadConfig({ KNOWLEDGE_DIR: folders.knowledge, INDEX_DIR: folders.index }),
      logger,
    });
    await append(join(folders.knowledge, '2019-05-25-us-japan-partnership.md'), 'They discussed zeppelins.');
    await core.reload();
    expect(gapReports(entries).at(-1)?.terms).toContain('zeppelins');
    await append(join(folders.knowledge, '2018-us-japan-friendship.md'), 'They discussed quokkas.');
    await core.reload();
    // The 2019 sheet was not parsed again: its words were listed by the reload before.
    expect(gapReports(entries).at(-1)?.terms).toContain('quokkas');
    expect(gapReports(entries).at(-1)?.terms).not.toContain('zeppelins');
    const reports = gapReports(entries).length;
    await core.reload();
    expect(gapReports(entries)).toHaveLength(reports);
  });
});

describe('glossaryGapsFile', () => {
  it('GIVEN a result written under a key THEN only that key reads it back; a broken file reads as nothing', async () => {
    const path = join(dir, 'memo', 'gaps.json');
    const memo = glossaryGapsFile(path);
    expect(await memo.read('a')).toBeUndefined();
    await memo.write('a', { count: 2, terms: ['okinawa', 'bases'] });
    expect(await memo.read('a')).toEqual({ count: 2, terms: ['okinawa', 'bases'] });
    expect(await memo.read('b')).toBeUndefined();
    await writeFile(path, '{"key": "a", "count": 2, "terms": [1]}');
    expect(await memo.read('a')).toBeUndefined();
    await writeFile(path, 'not json');
    expect(await memo.read('a')).toBeUndefined();
  });

  it('GIVEN another text pipeline version THEN the key differs', () => {
    expect(glossaryGapsKey('k', 'l')).toContain(`text-pipeline-${TEXT_PIPELINE_VERSION}:`);
    expect(glossaryGapsKey('k', 'l')).not.toBe(glossaryGapsKey('k', 'm'));
  });
});
