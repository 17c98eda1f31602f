import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadKnowledge, type ParsedFileCache } from '../../../src/core/knowledge/load-knowledge.js';
import {
  buildCorpusVocabulary,
  createVocabularyCache,
  storedDocumentVocabulary,
} from '../../../src/core/retrieval/corpus-vocabulary.js';
import {
  PARSED_KNOWLEDGE_DERIVATION,
  PARSED_KNOWLEDGE_FORMAT,
  ParsedKnowledgeStore,
} from '../../../src/core/service/parsed-knowledge-store.js';
import { fingerprintPassages } from '../../../src/core/vector-index/passage-hashes.js';
import { captureLogger } from '../../support/capture-logger.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const KNOWLEDGE_DIR = join(REPOSITORY_ROOT, 'knowledge');
const SHEET_2019 = '2019-05-25-us-japan-partnership.md';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kizuna-parsed-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** One process's view: a parse cache, a vocabulary cache and a store over `storeDir`. */
function processWith(storeDir: string) {
  const vocabularyCache = createVocabularyCache();
  const { logger, entries } = captureLogger();
  const store = new ParsedKnowledgeStore({ dir: storeDir, vocabularyCache, logger });
  const parsedFiles: ParsedFileCache = new Map();
  const parsedAgain: string[] = [];
  return {
    vocabularyCache,
    store,
    parsedFiles,
    logged: entries,
    /** Loads the folder the way the service does, recording which files the store could not give. */
    async load(dir: string) {
      const knowledge = await loadKnowledge(dir, parsedFiles, async (files) => {
        const restored = await store.restore(files);
        files.forEach(({ name }, i) => {
          if (restored[i] === undefined) parsedAgain.push(name);
        });
        return restored;
      });
      const vocabulary = buildCorpusVocabulary(knowledge.passages, undefined, [], vocabularyCache);
      return { knowledge, vocabulary };
    },
    parsedAgain,
  };
}

async function savedOnce(knowledgeDir: string, storeDir: string) {
  const first = processWith(storeDir);
  const loaded = await first.load(knowledgeDir);
  const counts = await first.store.save(first.parsedFiles);
  return { ...loaded, counts };
}

async function entryFiles(storeDir: string): Promise<string[]> {
  const [folder] = await readdir(storeDir);
  return folder === undefined
    ? []
    : (await readdir(join(storeDir, folder))).map((name) => join(storeDir, folder, name));
}

describe('ParsedKnowledgeStore', () => {
  it('GIVEN a saved store WHEN a new process loads unchanged files THEN it parses nothing and gets exactly the same knowledge, vocabulary and fingerprints', async () => {
    const storeDir = join(work, 'store');
    const fresh = await savedOnce(KNOWLEDGE_DIR, storeDir);
    expect(fresh.counts.written).toBe(fresh.knowledge.documents.length);

    const next = processWith(storeDir);
    const restored = await next.load(KNOWLEDGE_DIR);
    expect(next.parsedAgain).toEqual([]);
    // Same fields, same values, same key order (the passages' JSON is what the index fingerprints).
    expect(JSON.stringify(restored.knowledge)).toBe(JSON.stringify(fresh.knowledge));
    expect(restored.knowledge).toStrictEqual(fresh.knowledge);
    expect(fingerprintPassages(restored.knowledge.passages)).toBe(
      fingerprintPassages(fresh.knowledge.passages),
    );
    const vocabularyOf = (vocabulary: typeof fresh.vocabulary) => ({
      counts: [...vocabulary.stemPassageCounts],
      postings: [...vocabulary.postings].map(([term, positions]) => [term, [...positions]]),
      words: [...vocabulary.wordsByLength],
      names: [...vocabulary.names],
    });
    expect(vocabularyOf(restored.vocabulary)).toEqual(vocabularyOf(fresh.vocabulary));
    expect(next.logged.filter((entry) => entry.level === 40)).toEqual([]);
  });

  it('GIVEN one file changed THEN only that file is parsed again, and the next save writes its entry and removes the old one', async () => {
    const knowledgeDir = join(work, 'knowledge');
    const storeDir = join(work, 'store');
    await cp(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
    const fresh = await savedOnce(knowledgeDir, storeDir);
    const before = await entryFiles(storeDir);
    const path = join(knowledgeDir, SHEET_2019);
    await writeFile(path, (await readFile(path, 'utf8')).replace('Reiwa', 'REIWA'));

    const next = processWith(storeDir);
    await next.load(knowledgeDir);
    expect(next.parsedAgain).toEqual([SHEET_2019]);
    expect(await next.store.save(next.parsedFiles)).toEqual({ written: 1, removed: 1 });
    expect((await entryFiles(storeDir)).length).toBe(before.length);
    expect(fresh.knowledge.documents.length).toBe(before.length);
  });

  it('GIVEN a damaged entry THEN that file is parsed again with a warning naming it, and loading still succeeds', async () => {
    const storeDir = join(work, 'store');
    const fresh = await savedOnce(KNOWLEDGE_DIR, storeDir);
    const [entry] = await entryFiles(storeDir);
    const bytes = await readFile(entry!);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x20;
    await writeFile(entry!, bytes);

    const next = processWith(storeDir);
    const restored = await next.load(KNOWLEDGE_DIR);
    expect(next.parsedAgain).toHaveLength(1);
    expect(restored.knowledge).toStrictEqual(fresh.knowledge);
    const warning = next.logged.find((logged) => logged.level === 40);
    expect(warning).toMatchObject({ file: next.parsedAgain[0], problem: 'payload checksum mismatch' });
  });

  it('GIVEN entries that are truncated, empty or not JSON THEN each file is parsed again and nothing throws', async () => {
    const storeDir = join(work, 'store');
    await savedOnce(KNOWLEDGE_DIR, storeDir);
    const [entry] = await entryFiles(storeDir);
    const intact = await readFile(entry!);
    for (const damaged of [
      Buffer.alloc(0),
      Buffer.from('not json\n{}'),
      intact.subarray(0, intact.length / 2),
    ]) {
      await writeFile(entry!, damaged);
      const next = processWith(storeDir);
      await next.load(KNOWLEDGE_DIR);
      expect(next.parsedAgain).toHaveLength(1);
    }
  });

  it('GIVEN an entry saved for another file name with the same bytes THEN it is not used (document.file would be wrong)', async () => {
    const storeDir = join(work, 'store');
    const knowledgeDir = join(work, 'knowledge');
    await cp(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
    await savedOnce(knowledgeDir, storeDir);
    await cp(join(knowledgeDir, SHEET_2019), join(knowledgeDir, `renamed-${SHEET_2019}`));
    await rm(join(knowledgeDir, SHEET_2019));

    const next = processWith(storeDir);
    const { knowledge } = await next.load(knowledgeDir);
    expect(next.parsedAgain).toEqual([`renamed-${SHEET_2019}`]);
    expect(knowledge.documents.some((document) => document.file === `renamed-${SHEET_2019}`)).toBe(true);
  });

  it('GIVEN an entry made by other code (another derivation or format) THEN it is ignored with a log line, and the next save removes its folder', async () => {
    const storeDir = join(work, 'store');
    await savedOnce(KNOWLEDGE_DIR, storeDir);
    const [folder] = await readdir(storeDir);
    expect(folder).toBe(`v${PARSED_KNOWLEDGE_FORMAT}-${PARSED_KNOWLEDGE_DERIVATION}`);
    await cp(join(storeDir, folder!), join(storeDir, 'v0-older'), { recursive: true });
    await rm(join(storeDir, folder!), { recursive: true });

    const next = processWith(storeDir);
    await next.load(KNOWLEDGE_DIR);
    expect(next.parsedAgain.length).toBeGreaterThan(0);
    expect(next.logged).toContainEqual(
      expect.objectContaining({ level: 30, restored: 0, parsing: next.parsedAgain.length }),
    );
    await next.store.save(next.parsedFiles);
    expect(await readdir(storeDir)).toEqual([folder]);
  });

  it('leaves another writer’s entry in progress alone, and removes one a crashed writer left long ago', async () => {
    const storeDir = join(work, 'store');
    await savedOnce(KNOWLEDGE_DIR, storeDir);
    const [entry] = await entryFiles(storeDir);
    const writing = `${entry!}.tmp-123-fresh`;
    const abandoned = `${entry!}.tmp-456-stale`;
    await writeFile(writing, 'half an entry');
    await writeFile(abandoned, 'half an entry');
    const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(abandoned, longAgo, longAgo);

    const next = processWith(storeDir);
    await next.load(KNOWLEDGE_DIR);
    expect(await next.store.save(next.parsedFiles)).toEqual({ written: 0, removed: 0 });
    const left = await entryFiles(storeDir);
    expect(left).toContain(writing);
    expect(left).not.toContain(abandoned);
  });

  it('saves nothing for a file whose vocabulary was never built, and a store it cannot write only logs a warning', async () => {
    const vocabularyCache = createVocabularyCache();
    const parsedFiles: ParsedFileCache = new Map();
    await loadKnowledge(KNOWLEDGE_DIR, parsedFiles);
    const { logger, entries } = captureLogger();
    const store = new ParsedKnowledgeStore({ dir: join(work, 'store'), vocabularyCache, logger });
    expect(await store.save(parsedFiles)).toEqual({ written: 0, removed: 0 });
    expect(
      storedDocumentVocabulary(vocabularyCache, [...parsedFiles.values()][0]!.parsed.passages),
    ).toBeUndefined();

    // A file where the store's folder should be: mkdir fails.
    await writeFile(join(work, 'blocked'), 'a file');
    const blocked = new ParsedKnowledgeStore({ dir: join(work, 'blocked'), vocabularyCache, logger });
    expect(await blocked.save(parsedFiles)).toEqual({ written: 0, removed: 0 });
    expect(entries.some((entry) => entry.level === 40)).toBe(true);
  });
});

/**
 * The modules whose output an entry holds, with every module of `src/` they import: a change to any of them may
 * change what a file parses to, so saved entries must not be used by the new code.
 */
const DERIVATION_ROOTS = [
  'src/core/knowledge/parse-knowledge-file.ts',
  'src/core/retrieval/corpus-vocabulary.ts',
  'src/core/vector-index/passage-hashes.ts',
  'src/core/service/parsed-knowledge-store.ts',
];

async function importClosure(roots: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const pending = roots.map((root) => resolve(REPOSITORY_ROOT, root));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      pending.push(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  }
  return [...seen].map((file) => relative(REPOSITORY_ROOT, file)).sort();
}

describe('PARSED_KNOWLEDGE_DERIVATION', () => {
  it('is the fingerprint of the code that makes an entry (update it when this fails: old entries are then ignored)', async () => {
    const hash = createHash('sha256');
    for (const file of await importClosure(DERIVATION_ROOTS)) {
      // The constant's own line is left out, or it could never match itself.
      const text = (await readFile(join(REPOSITORY_ROOT, file), 'utf8')).replace(
        /PARSED_KNOWLEDGE_DERIVATION = '[0-9a-f]*'/,
        '',
      );
      hash.update(`${file}\0${text}\0`);
    }
    const derivation = hash.digest('hex').slice(0, 16);
    expect(
      derivation,
      `the knowledge parser, the per-document vocabulary or the entry layout changed: set PARSED_KNOWLEDGE_DERIVATION in src/core/service/parsed-knowledge-store.ts to '${derivation}'`,
    ).toBe(PARSED_KNOWLEDGE_DERIVATION);
  });
});
