import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readFilesTogether } from '../../../src/core/knowledge/read-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-read-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFilesTogether', () => {
  it('gives each file’s bytes, in the order asked, empty files included', async () => {
    const contents = ['first', '', 'third file, longer', 'ü and 日本'];
    const paths = contents.map((_, i) => join(dir, `${i}.txt`));
    await Promise.all(paths.map((path, i) => writeFile(path, contents[i]!)));
    const read = await readFilesTogether([paths[2]!, paths[0]!, paths[1]!, paths[3]!]);
    expect(read.map((bytes) => bytes?.toString('utf8'))).toEqual([contents[2], contents[0], '', contents[3]]);
  });

  it('GIVEN a missing file THEN throws its error, or gives what `missing` says for it', async () => {
    await writeFile(join(dir, 'a.txt'), 'a');
    const paths = [join(dir, 'a.txt'), join(dir, 'absent.txt')];
    await expect(readFilesTogether(paths)).rejects.toMatchObject({ code: 'ENOENT' });
    const seen: string[] = [];
    const read = await readFilesTogether(paths, (path) => {
      seen.push(path);
      return undefined;
    });
    expect(read.map((bytes) => bytes?.toString('utf8'))).toEqual(['a', undefined]);
    expect(seen).toEqual([join(dir, 'absent.txt')]);
  });

  it('reads many files (more than it reads at once) exactly', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => join(dir, `${i}.txt`));
    await Promise.all(paths.map((path, i) => writeFile(path, `file ${i} `.repeat(i + 1))));
    const read = await readFilesTogether(paths);
    read.forEach((bytes, i) => expect(bytes?.toString('utf8')).toBe(`file ${i} `.repeat(i + 1)));
  });
});
