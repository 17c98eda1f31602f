import { describe, expect, it } from 'vitest';

import {
  DEFAULT_HNSW_PARAMETERS,
  resolveHnswParameters,
} from '../../../src/core/vector-index/hnsw-parameters.js';
import {
  describeManifestMismatch,
  manifestIdentity,
  parseIndexManifest,
  type IndexManifestIdentity,
} from '../../../src/core/vector-index/index-manifest.js';
import { installedLibraryVersions } from '../../../src/core/vector-index/library-versions.js';

const base: IndexManifestIdentity = manifestIdentity({
  knowledgeFingerprint: 'kb',
  passagesSha256: 'a'.repeat(64),
  passageCount: 60,
  embedder: { id: 'kizuna-offline@1', dimensions: 384, params: { ngrams: '3,4' }, fittedStateHash: 'f1' },
  libraries: { 'hnswlib-node': '3.0.0', '@langchain/community': '1.1.29', '@langchain/core': '1.4.0' },
  hnsw: DEFAULT_HNSW_PARAMETERS,
});

const complete = {
  ...base,
  layers: { main: 60, delta: 0 },
  files: {
    'hnswlib.index': { bytes: 10, sha256: 'b'.repeat(64) },
    'delta/hnswlib.index': { bytes: 10, sha256: 'b'.repeat(64) },
  },
  createdAt: new Date().toISOString(),
};

describe('describeManifestMismatch', () => {
  it('accepts an identical manifest', () => {
    expect(describeManifestMismatch(base, structuredClone(base))).toBeUndefined();
  });

  it.each<[string, (m: IndexManifestIdentity) => IndexManifestIdentity, string]>([
    [
      'knowledge fingerprint',
      (m) => ({ ...m, knowledge: { ...m.knowledge, fingerprint: 'other' } }),
      'knowledge changed',
    ],
    [
      'passages',
      (m) => ({ ...m, knowledge: { ...m.knowledge, passagesSha256: 'c'.repeat(64) } }),
      'knowledge changed',
    ],
    [
      'embedder id',
      (m) => ({ ...m, embedder: { ...m.embedder, id: 'openai:text-embedding-3-small' } }),
      'embedder changed: kizuna-offline@1 → openai:text-embedding-3-small',
    ],
    [
      'embedder params',
      (m) => ({ ...m, embedder: { ...m.embedder, params: { ngrams: '3' } } }),
      'embedder changed: kizuna-offline@1 → kizuna-offline@1 (params ngrams)',
    ],
    [
      'dimensions',
      (m) => ({ ...m, embedder: { ...m.embedder, dimensions: 512 } }),
      'embedder changed: kizuna-offline@1 → kizuna-offline@1 (dimensions 384 → 512)',
    ],
    [
      '@langchain/core',
      (m) => ({ ...m, libraries: { ...m.libraries, '@langchain/core': '1.5.0' } }),
      '@langchain/core version changed: 1.4.0 → 1.5.0',
    ],
    [
      'HNSW construction',
      (m) => ({ ...m, hnsw: { ...m.hnsw, efConstruction: 200 } }),
      `HNSW parameters changed: efConstruction ${DEFAULT_HNSW_PARAMETERS.efConstruction} → 200`,
    ],
  ])('names a changed %s', (_name, change, reason) => {
    expect(describeManifestMismatch(base, change(base))).toBe(reason);
  });

  it('treats parameter key order as irrelevant', () => {
    const a = { ...base, embedder: { ...base.embedder, params: { x: 1, y: 2 } } };
    const b = { ...base, embedder: { ...base.embedder, params: { y: 2, x: 1 } } };
    expect(describeManifestMismatch(a, b)).toBeUndefined();
  });
});

describe('parseIndexManifest', () => {
  it('accepts a complete manifest', () => {
    expect(parseIndexManifest(JSON.stringify(complete))).toMatchObject({ kind: 'manifest' });
  });

  it('reports another format version without validating the rest', () => {
    expect(parseIndexManifest('{"formatVersion": 7}')).toEqual({ kind: 'other-format', formatVersion: 7 });
  });

  it('explains what is wrong with invalid text', () => {
    expect(parseIndexManifest('nope')).toMatchObject({
      kind: 'invalid',
      problem: expect.stringMatching(/not JSON/),
    });
    const missing = parseIndexManifest(JSON.stringify({ ...complete, embedder: undefined }));
    expect(missing).toMatchObject({ kind: 'invalid', problem: expect.stringMatching(/embedder/) });
    const badFile = parseIndexManifest(
      JSON.stringify({ ...complete, files: { '../x': { bytes: 1, sha256: 'b'.repeat(64) } } }),
    );
    expect(badFile.kind).toBe('invalid');
  });
});

describe('index parameters and versions', () => {
  it('reads the installed library versions from their package.json files', () => {
    const versions = installedLibraryVersions();
    for (const version of Object.values(versions)) expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects HNSW parameters hnswlib would silently truncate', () => {
    expect(() => resolveHnswParameters({ m: 1.5 })).toThrowError(RangeError);
    expect(() => resolveHnswParameters({ efSearch: 0 })).toThrowError(/efSearch/);
    expect(resolveHnswParameters({ m: 8, efSearch: undefined })).toMatchObject({
      m: 8,
      efSearch: DEFAULT_HNSW_PARAMETERS.efSearch,
    });
    expect(() => resolveHnswParameters({ filteredEfSearch: 0 })).toThrowError(/filteredEfSearch/);
  });

  it('searches broadly by default and keeps filtered searches narrower (see hnsw-parameters.ts for the sweep)', () => {
    expect(DEFAULT_HNSW_PARAMETERS).toMatchObject({ m: 12, efConstruction: 40, efSearch: 3072 });
    expect(DEFAULT_HNSW_PARAMETERS.filteredEfSearch).toBeLessThan(DEFAULT_HNSW_PARAMETERS.efSearch);
  });
});

describe('parseIndexManifest on a damaged file', () => {
  it('GIVEN binary bytes THEN the problem says so without quoting them', () => {
    const parsed = parseIndexManifest('J\u0000\u00ff\u0007B>C!');
    expect(parsed).toEqual({ kind: 'invalid', problem: 'not JSON (damaged, or written by something else)' });
  });
});
