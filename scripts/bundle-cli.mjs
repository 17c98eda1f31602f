// @ts-check
/**
 * Step of `npm run build` (after tsc): bundles the compiled CLI entry points (dist/cli/{ask,quote,chat,
 * build-index}.js) with their dependencies into dist/cli-bundle/, which `npm run ask` (and quote, chat, index)
 * run through bin/kizuna.mjs.
 *
 * Why: an offline answer is computed in milliseconds, but loading the ~570 modules behind it one file at a time
 * (LangChain, langsmith, zod, …) costs Node about 0.3 s of resolving, reading and linking; one file per entry
 * point removes most of that. Code only some commands or settings need (model providers, the progress bar) is
 * split into chunks loaded on first `import()`, so an offline answer never parses them.
 */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/cli-bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['ask', 'quote', 'chat', 'build-index'].map((name) => `${root}dist/cli/${name}.js`),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A native addon: loaded from node_modules as it is.
  external: ['hnswlib-node'],
  // CommonJS dependencies call require(); ESM output has none unless given one.
  banner: {
    js: "import { createRequire as kizunaCreateRequire } from 'node:module'; const require = kizunaCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// The word vectors are found beside the module that reads them (word-vector-files.ts), here a bundle chunk.
cpSync(`${root}src/core/embeddings/word-vectors`, `${outdir}/word-vectors`, { recursive: true });
