import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KnowledgeError } from '../../../src/core/knowledge/knowledge-error.js';
import {
  fingerprintKnowledge,
  loadKnowledge,
  type ParsedFileCache,
} from '../../../src/core/knowledge/load-knowledge.js';
import { knowledgeFileText } from './knowledge-file-text.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
const SHEET_2019 = '2019-05-25-us-japan-partnership.md';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-knowledge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sheet = (id: string, bullet = 'A bullet.') =>
  knowledgeFileText({
    frontMatter: [`id: ${id}`, 'title: T', 'publisher: P', 'date: "2019"'],
    body: ['"Quote." – President Donald J. Trump', 'A SECTION: Summary.', bullet],
  });

async function loadError(folder: string): Promise<KnowledgeError> {
  const error: unknown = await loadKnowledge(folder).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KnowledgeError);
  expect((error as KnowledgeError).code).toBe('KNOWLEDGE_INVALID');
  return error as KnowledgeError;
}

describe('loadKnowledge', () => {
  it('reads every .md file except README.md, in name order, and nothing else', async () => {
    await writeFile(join(dir, 'b.md'), sheet('b'));
    await writeFile(join(dir, 'a.md'), sheet('a'));
    await writeFile(join(dir, 'README.md'), '# Not a fact sheet\n');
    await writeFile(join(dir, 'notes.txt'), 'not a fact sheet');
    await mkdir(join(dir, 'drafts.md'));
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.documents.map((document) => document.file)).toEqual(['a.md', 'b.md']);
    expect(knowledge.passages.map((passage) => passage.documentId)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(knowledge.quotations.map((quotation) => quotation.documentId)).toEqual(['a', 'b']);
  });

  it('fingerprints the files: a sha256 that changes when any byte changes, and only then', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    const first = (await loadKnowledge(dir)).fingerprint;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadKnowledge(dir)).fingerprint).toBe(first);
    // An extra space changes no passage text (lines are trimmed) but does change the bytes.
    await writeFile(join(dir, 'a.md'), sheet('a', 'A bullet. '));
    expect((await loadKnowledge(dir)).fingerprint).not.toBe(first);
  });

  it('gives the same fingerprint without parsing (fingerprintKnowledge), even for a file that would not parse', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    await writeFile(join(dir, 'b.md'), sheet('b'));
    expect(await fingerprintKnowledge(dir)).toBe((await loadKnowledge(dir)).fingerprint);
    await writeFile(join(dir, 'b.md'), 'no front matter');
    await expect(loadKnowledge(dir)).rejects.toBeInstanceOf(KnowledgeError);
    expect(await fingerprintKnowledge(dir)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with a parse cache, reuses what an unchanged file parsed to and parses the changed ones, only after a load succeeds', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    await writeFile(join(dir, 'b.md'), sheet('b'));
    const cache: ParsedFileCache = new Map();
    const first = await loadKnowledge(dir, cache);
    await writeFile(join(dir, 'b.md'), sheet('b', 'A changed bullet.'));
    const second = await loadKnowledge(dir, cache);
    expect(second.passages.filter((p) => p.documentId === 'a')).toEqual(
      first.passages.filter((p) => p.documentId === 'a'),
    );
    // The very same objects: nothing derived from them needs working out again.
    expect(second.passages[0]).toBe(first.passages[0]);
    expect(second.passages.some((p) => p.text.includes('A changed bullet.'))).toBe(true);
    expect(second).toEqual(await loadKnowledge(dir));

    await writeFile(join(dir, 'a.md'), 'no front matter');
    await expect(loadKnowledge(dir, cache)).rejects.toBeInstanceOf(KnowledgeError);
    expect(cache.get('a.md')?.parsed.passages[0]).toBe(first.passages[0]);
  });

  it('with a restore function, asks it (by name and sha256 of the bytes) for each file the cache lacks, and parses what it cannot give', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    await writeFile(join(dir, 'b.md'), sheet('b'));
    const saved = await loadKnowledge(dir, new Map());
    const savedA = { ...saved, passages: saved.passages.filter((p) => p.documentId === 'a') };
    const asked: string[] = [];
    const cache: ParsedFileCache = new Map();
    const loaded = await loadKnowledge(dir, cache, async (files) => {
      asked.push(...files.map(({ name, sha256 }) => `${name} ${sha256}`));
      return files.map(({ name }) =>
        name === 'a.md'
          ? { document: saved.documents[0]!, passages: savedA.passages, quotations: [], idLine: 2 }
          : undefined,
      );
    });
    const sha = createHash('sha256')
      .update(await readFile(join(dir, 'a.md')))
      .digest('hex');
    expect(asked).toHaveLength(2);
    expect(asked[0]).toBe(`a.md ${sha}`);
    expect(loaded.passages[0]).toBe(savedA.passages[0]);
    expect(loaded.passages.filter((p) => p.documentId === 'b')).toEqual(
      saved.passages.filter((p) => p.documentId === 'b'),
    );
    // What the cache holds now is not asked for again.
    asked.length = 0;
    await loadKnowledge(dir, cache, () => Promise.reject(new Error('not asked')));
    expect(asked).toEqual([]);
  });

  it('fingerprints file names too', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    const before = (await loadKnowledge(dir)).fingerprint;
    await rm(join(dir, 'a.md'));
    await writeFile(join(dir, 'renamed.md'), sheet('a'));
    expect((await loadKnowledge(dir)).fingerprint).not.toBe(before);
  });

  it('keeps every other passage id when one passage of the real sheets is edited', async () => {
    await cp(KNOWLEDGE_DIR, dir, { recursive: true });
    const before = await loadKnowledge(dir);
    const text = await readFile(join(dir, SHEET_2019), 'utf8');
    const edited = text.replace(
      'Together, the United States and Japan are defending',
      'Together, the United States and Japan defend',
    );
    expect(edited).not.toBe(text);
    await writeFile(join(dir, SHEET_2019), edited);
    const after = await loadKnowledge(dir);
    const afterIds = new Set(after.passages.map((passage) => passage.id));
    const lost = before.passages.filter((passage) => !afterIds.has(passage.id));
    expect(lost.map((passage) => passage.text)).toEqual([
      expect.stringMatching(/^Together, the United States and Japan are defending/),
    ]);
    expect(after.passages).toHaveLength(before.passages.length);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('refuses two files with the same document id, naming both files and lines', async () => {
    await writeFile(join(dir, 'a.md'), sheet('same-id'));
    await writeFile(join(dir, 'b.md'), sheet('same-id'));
    const error = await loadError(dir);
    expect(error.message).toMatch(/^b\.md:2: .*"same-id".*a\.md:2/);
    expect([error.file, error.line]).toEqual(['b.md', 2]);
  });

  it('refuses a broken file, naming it and the line', async () => {
    await writeFile(join(dir, 'a.md'), sheet('a'));
    await writeFile(join(dir, 'b.md'), sheet('b').replace('date: "2019"', 'date: "May 2019"'));
    const error = await loadError(dir);
    expect(error.message).toMatch(/^b\.md:5: date "May 2019" is not an ISO date/);
  });

  it('refuses a folder without fact sheets', async () => {
    await writeFile(join(dir, 'README.md'), '# Only a README\n');
    const error = await loadError(dir);
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(/no fact sheet/);
  });

  it('refuses a folder that does not exist', async () => {
    const missing = join(dir, 'missing');
    const error = await loadError(missing);
    expect(error.message).toContain(missing);
  });
});
