import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Packages whose upgrade can change the saved files' format or meaning, so a new version forces a rebuild. */
export const INDEX_LIBRARIES = ['hnswlib-node', '@langchain/community', '@langchain/core'] as const;

export type IndexLibrary = (typeof INDEX_LIBRARIES)[number];

export type LibraryVersions = Readonly<Record<IndexLibrary, string>>;

let installed: LibraryVersions | undefined;

/** The installed versions, read once from each package's own package.json ("unknown" if it cannot be read). */
export function installedLibraryVersions(): LibraryVersions {
  installed ??= Object.freeze(
    Object.fromEntries(INDEX_LIBRARIES.map((name) => [name, readInstalledVersion(name)])) as Record<
      IndexLibrary,
      string
    >,
  );
  return installed;
}

function readInstalledVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    const manifest: unknown = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
    if (
      manifest &&
      typeof manifest === 'object' &&
      'version' in manifest &&
      typeof manifest.version === 'string'
    ) {
      return manifest.version;
    }
  } catch {
    // An unreadable version is recorded as "unknown"; it still matches itself, so it never loops rebuilds.
  }
  return 'unknown';
}
