// @ts-check
/**
 * `npm run ask | quote | chat | index | report`: runs the compiled, bundled CLI (dist/cli-bundle/, built by
 * `npm run build`, which `npm ci` runs) instead of compiling TypeScript at every start as tsx does. An offline
 * answer then prints in well under a second. The `:dev` scripts (`npm run ask:dev`, …) run the source through
 * tsx instead, with no build.
 *
 * Usage: node bin/kizuna.mjs <ask|quote|chat|index|report> [arguments of that command]
 * Exits 1 with what to run when dist/ is missing or older than src/ (a stale build would answer with old code).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Command → entry file in dist/. The answering commands are bundled (cli-bundle/); `report` only reads the
 * database, is run rarely, and loads native drivers a bundle cannot hold, so it runs tsc's output as it is.
 */
const ENTRIES = {
  ask: 'cli-bundle/ask.js',
  quote: 'cli-bundle/quote.js',
  chat: 'cli-bundle/chat.js',
  index: 'cli-bundle/build-index.js',
  report: 'cli/report.js',
};

const root = fileURLToPath(new URL('../', import.meta.url));
const [command, ...rest] = process.argv.slice(2);
const entry = command === undefined ? undefined : ENTRIES[/** @type {keyof typeof ENTRIES} */ (command)];
if (entry === undefined) {
  process.stderr.write(`Usage: node bin/kizuna.mjs <${Object.keys(ENTRIES).join('|')}> [arguments]\n`);
  process.exit(2);
}

const compiled = join(root, 'dist', entry);
const devScript = command === 'index' ? 'index:dev' : `${command}:dev`;
const builtAt = modifiedAt(compiled);
if (builtAt === undefined) {
  stop(
    `Kizuna's CLI is not built: ${relative(root, compiled)} is missing.\n` +
      'Run `npm run build` (`npm ci` does it too), or `npm run ' +
      `${devScript}\` to run from the source with tsx.`,
  );
}
const changed = newerThan(builtAt, [join(root, 'src'), join(root, 'package-lock.json')]);
if (changed !== undefined) {
  stop(
    `Kizuna's compiled CLI (dist/) is older than the source: ${relative(root, changed)} changed after the last build.\n` +
      `Run \`npm run build\`, or \`npm run ${devScript}\` to run from the source with tsx.`,
  );
}

// The command reads its arguments from process.argv.slice(2), as when run directly.
process.argv = [process.argv[0] ?? 'node', compiled, ...rest];
await import(pathToFileURL(compiled).href);

/** @param {string} message @returns {never} */
function stop(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** @param {string} path @returns {number | undefined} modification time in ms, or undefined when absent */
function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The first file under `paths` (files or folders, walked recursively) modified after `time`; a few
 * milliseconds for src/'s few hundred files.
 * @param {number} time @param {readonly string[]} paths @returns {string | undefined}
 */
function newerThan(time, paths) {
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) continue;
    if (!stats.isDirectory()) {
      if (stats.mtimeMs > time) return path;
      continue;
    }
    for (const name of readdirSync(path, { recursive: true })) {
      const file = join(path, String(name));
      if ((modifiedAt(file) ?? 0) > time) return file;
    }
  }
  return undefined;
}
