import { z } from 'zod';

import type { EmbedderIdentity } from '../embeddings/embedder-identity.js';
import type { HnswParameters } from './hnsw-parameters.js';
import { INDEX_LIBRARIES, type LibraryVersions } from './library-versions.js';

/**
 * Bumped whenever the files of a generation change shape; an index of another format is rebuilt.
 * 2: a delta graph beside the main one, and slots.bin saying where each passage's vector lives.
 */
export const INDEX_FORMAT_VERSION = 2;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest');

const embedderIdentitySchema = z.object({
  id: z.string().min(1),
  dimensions: z.number().int().positive(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  fittedStateHash: z.string().optional(),
});

const fileEntrySchema = z.object({ bytes: z.number().int().nonnegative(), sha256: sha256Hex });

export const indexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  knowledge: z.object({
    /** The corpus fingerprint the caller gave (sha256 of the knowledge files), or "" when none. */
    fingerprint: z.string(),
    /** {@link fingerprintPassages} of the indexed passages, in label order. */
    passagesSha256: sha256Hex,
    passageCount: z.number().int().positive(),
  }),
  embedder: embedderIdentitySchema,
  libraries: z.object(
    Object.fromEntries(INDEX_LIBRARIES.map((name) => [name, z.string().min(1)])) as Record<
      (typeof INDEX_LIBRARIES)[number],
      z.ZodString
    >,
  ),
  hnsw: z.object({
    space: z.literal('cosine'),
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    randomSeed: z.number().int().nonnegative(),
  }),
  /** How many vectors each graph holds: the main one, and the delta of passages added since it was built. */
  layers: z.object({
    main: z.number().int().positive(),
    delta: z.number().int().nonnegative(),
  }),
  /**
   * Every other file of the generation (a name, or `delta/` and a name) with its size and digest, checked before
   * anything is parsed.
   */
  files: z.record(z.string().regex(/^(?:delta\/)?[\w][\w.-]*$/), fileEntrySchema),
  createdAt: z.iso.datetime(),
});

/** What `manifest.json` says about one saved generation. */
export type IndexManifest = z.infer<typeof indexManifestSchema>;

/** The manifest fields that decide whether a saved index can be reused (not its files, layers or creation time). */
export type IndexManifestIdentity = Omit<IndexManifest, 'files' | 'createdAt' | 'layers'>;

export interface ManifestIdentityInput {
  readonly knowledgeFingerprint: string;
  readonly passagesSha256: string;
  readonly passageCount: number;
  readonly embedder: EmbedderIdentity;
  readonly libraries: LibraryVersions;
  readonly hnsw: HnswParameters;
}

export function manifestIdentity(input: ManifestIdentityInput): IndexManifestIdentity {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    knowledge: {
      fingerprint: input.knowledgeFingerprint,
      passagesSha256: input.passagesSha256,
      passageCount: input.passageCount,
    },
    embedder: manifestEmbedder(input.embedder),
    libraries: { ...input.libraries },
    hnsw: {
      space: 'cosine',
      m: input.hnsw.m,
      efConstruction: input.hnsw.efConstruction,
      randomSeed: input.hnsw.randomSeed,
    },
  };
}

/** The embedder identity as the manifest stores it (a plain copy, without an undefined fitted state). */
export function manifestEmbedder(identity: EmbedderIdentity): IndexManifestIdentity['embedder'] {
  const { id, dimensions, params, fittedStateHash } = identity;
  return {
    id,
    dimensions,
    params: { ...params },
    ...(fittedStateHash === undefined ? {} : { fittedStateHash }),
  };
}

export type ParsedManifest =
  | { readonly kind: 'manifest'; readonly manifest: IndexManifest }
  | { readonly kind: 'other-format'; readonly formatVersion: unknown }
  | { readonly kind: 'invalid'; readonly problem: string };

/** Parses and validates `manifest.json` text. Never throws. */
export function parseIndexManifest(text: string): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the file's first bytes, binary garbage in a damaged file.
    return { kind: 'invalid', problem: 'not JSON (damaged, or written by something else)' };
  }
  if (
    json &&
    typeof json === 'object' &&
    'formatVersion' in json &&
    json.formatVersion !== INDEX_FORMAT_VERSION
  ) {
    return { kind: 'other-format', formatVersion: json.formatVersion };
  }
  const parsed = indexManifestSchema.safeParse(json);
  if (!parsed.success)
    return { kind: 'invalid', problem: z.prettifyError(parsed.error).replaceAll('\n', ' ') };
  return { kind: 'manifest', manifest: parsed.data };
}

/**
 * Why a saved index cannot be reused for `expected`, as a short sentence for the log; undefined when it can.
 * The first difference wins, in the order a person would look for it.
 */
export function describeManifestMismatch(
  saved: IndexManifestIdentity,
  expected: IndexManifestIdentity,
): string | undefined {
  if (saved.formatVersion !== expected.formatVersion) {
    return `index format changed: ${String(saved.formatVersion)} → ${String(expected.formatVersion)}`;
  }
  const knowledge = saved.knowledge;
  if (
    knowledge.fingerprint !== expected.knowledge.fingerprint ||
    knowledge.passagesSha256 !== expected.knowledge.passagesSha256 ||
    knowledge.passageCount !== expected.knowledge.passageCount
  ) {
    return 'knowledge changed';
  }
  const embedderChange = describeEmbedderChange(saved.embedder, expected.embedder);
  if (embedderChange !== undefined) return `embedder changed: ${embedderChange}`;
  for (const name of INDEX_LIBRARIES) {
    if (saved.libraries[name] !== expected.libraries[name]) {
      return `${name} version changed: ${saved.libraries[name]} → ${expected.libraries[name]}`;
    }
  }
  const hnswChanges = (['m', 'efConstruction', 'randomSeed'] as const)
    .filter((name) => saved.hnsw[name] !== expected.hnsw[name])
    .map((name) => `${name} ${saved.hnsw[name]} → ${expected.hnsw[name]}`);
  if (hnswChanges.length > 0) return `HNSW parameters changed: ${hnswChanges.join(', ')}`;
  return undefined;
}

/** True when vectors made by one embedder can be compared with vectors made by the other. */
export function sameEmbedder(a: EmbedderIdentity, b: EmbedderIdentity): boolean {
  return describeEmbedderChange(a, b) === undefined;
}

function describeEmbedderChange(saved: EmbedderIdentity, expected: EmbedderIdentity): string | undefined {
  const details: string[] = [];
  if (saved.dimensions !== expected.dimensions)
    details.push(`dimensions ${saved.dimensions} → ${expected.dimensions}`);
  const changedParams = [...new Set([...Object.keys(saved.params), ...Object.keys(expected.params)])]
    .filter((key) => saved.params[key] !== expected.params[key])
    .sort();
  if (changedParams.length > 0) details.push(`params ${changedParams.join(', ')}`);
  if (saved.fittedStateHash !== expected.fittedStateHash) details.push('fitted state');
  if (saved.id === expected.id && details.length === 0) return undefined;
  return `${saved.id} → ${expected.id}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
}
