import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KnowledgeError } from '../../../src/core/knowledge/knowledge-error.js';
import { loadGlossaryIfPresent } from '../../../src/core/language/load-glossary.js';
import { loadAliases } from '../../../src/core/question/load-aliases.js';
import { EMPTY_LEXICON } from '../../../src/core/service/lexicon.js';
import { createLexiconLoader } from '../../../src/core/service/load-lexicon.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kizuna-lexicon-'));
  await cp(join('knowledge', 'aliases'), join(dir, 'aliases'), { recursive: true });
  await cp(join('knowledge', 'glossary'), join(dir, 'glossary'), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createLexiconLoader', () => {
  it('GIVEN the shipped files THEN it loads what loadAliases and loadGlossaryIfPresent load', async () => {
    const lexicon = await createLexiconLoader(dir)();
    expect(lexicon.aliases).toEqual(await loadAliases(join(dir, 'aliases')));
    expect(lexicon.glossary).toEqual(await loadGlossaryIfPresent(dir));
    expect(lexicon.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GIVEN no file changed since the last load THEN the very same lexicon comes back, not parsed again', async () => {
    const load = createLexiconLoader(dir);
    const first = await load();
    const second = await load();
    expect(second).toBe(first);
    expect(second.aliases).toBe(first.aliases);
    expect(second.glossary).toBe(first.glossary);
  });

  it('GIVEN an alias file changed (same size) THEN it is parsed again and the change is read', async () => {
    const load = createLexiconLoader(dir);
    const first = await load();
    const file = join(dir, 'aliases', 'en-chat.yaml');
    const text = await readFile(file, 'utf8');
    // Same length, different bytes: a size check alone would miss it.
    const edited = text.replace('[wat, ', '[wqt, ');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    await writeFile(file, edited);
    const second = await load();
    expect(second).not.toBe(first);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(second.aliases.entries.some((entry) => entry.alias === 'wqt')).toBe(true);
    expect(second.aliases.entries.some((entry) => entry.alias === 'wat')).toBe(false);
  });

  it('GIVEN a new alias file or a glossary edit THEN the lexicon is read again', async () => {
    const load = createLexiconLoader(dir);
    const first = await load();
    await writeFile(
      join(dir, 'aliases', 'zz-extra.yaml'),
      'source: test\nlicence: MIT\naliases:\n  - term: what\n    aliases: [whaat]\n',
    );
    const afterAdd = await load();
    expect(afterAdd.fingerprint).not.toBe(first.fingerprint);
    const glossary = join(dir, 'glossary', 'ja.tsv');
    await writeFile(glossary, `${await readFile(glossary, 'utf8')}テスト語\ttest word\tterm\n`);
    const afterEdit = await load();
    expect(afterEdit.fingerprint).not.toBe(afterAdd.fingerprint);
    expect(afterEdit.glossary.byJapanese.get('テスト語')?.en).toBe('test word');
  });

  it('GIVEN a broken file THEN every load throws until it is fixed, and nothing broken is remembered', async () => {
    const load = createLexiconLoader(dir);
    const good = await load();
    const file = join(dir, 'glossary', 'ja.tsv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, 'ja\ten\tkind\n令和\t\tterm\n');
    await expect(load()).rejects.toBeInstanceOf(KnowledgeError);
    await expect(load()).rejects.toBeInstanceOf(KnowledgeError);
    await writeFile(file, text);
    const fixed = await load();
    expect(fixed.fingerprint).toBe(good.fingerprint);
    expect(fixed.glossary).toEqual(good.glossary);
  });

  it('GIVEN a knowledge folder without aliases or glossary THEN the lexicon is empty, as before', async () => {
    await rm(join(dir, 'aliases'), { recursive: true });
    await rm(join(dir, 'glossary'), { recursive: true });
    const lexicon = await createLexiconLoader(dir)();
    expect(lexicon.aliases).toEqual(await loadAliases(join(dir, 'aliases')));
    expect(lexicon.glossary).toBe(EMPTY_LEXICON.glossary);
  });
});
