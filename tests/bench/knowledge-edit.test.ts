import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { EDIT_SUFFIX, editLastPassage } from '../../bench/knowledge-edit.js';
import { parseKnowledgeFiles, readKnowledgeFiles, writeKnowledgeFiles } from '../../bench/knowledge-files.js';
import { diffPassages } from '../../src/core/service/diff-passages.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

describe('editLastPassage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kizuna-edit-'));
    await writeKnowledgeFiles(dir, await readKnowledgeFiles(KNOWLEDGE_DIR));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('changes exactly one passage of the file, keeping every other one', async () => {
    const before = parseKnowledgeFiles(await readKnowledgeFiles(dir));
    const files = await readKnowledgeFiles(dir);
    const edited = await editLastPassage(join(dir, files[files.length - 1]!.name));
    const after = parseKnowledgeFiles(await readKnowledgeFiles(dir));

    expect(edited.endsWith(EDIT_SUFFIX)).toBe(true);
    expect(diffPassages(before.passages, after.passages)).toEqual({
      added: 0,
      removed: 0,
      changed: 1,
      kept: before.passages.length - 1,
    });
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('refuses a file with nothing after its front matter', async () => {
    const file = join(dir, 'empty.md');
    await writeKnowledgeFiles(dir, [
      { name: 'empty.md', bytes: new TextEncoder().encode('---\nid: x\n---\n\n') },
    ]);
    await expect(editLastPassage(file)).rejects.toThrow(/no passage to edit/);
    expect(await readFile(file, 'utf8')).toBe('---\nid: x\n---\n\n');
  });
});
